package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.parse.Expressions;
import org.symgrad.compiler.second.SecondOrder;
import org.symgrad.compiler.simplify.Simplifier;

/** {@code grad --hessian} prints the simplified second derivatives the Hessian kernels use. */
class GradHessianTextTest {
  @Test
  void printsTheKernelsSymbolicSecondDerivatives() {
    CommandRun run = CommandRun.of("grad", "a*exp(-k*t)", "--at", "a=1,k=2,t=0.5", "--hessian");

    assertThat(run.exitCode()).isEqualTo(0);
    Graph g = new Graph();
    Node f = new Simplifier(g).simplify(Expressions.parse("a*exp(-k*t)", g));
    List<Node> vars = List.of(g.variable("a"), g.variable("k"), g.variable("t"));
    String kt = ExpressionPrinter.print(
        SecondOrder.hessian(g, f, vars).get(g.variable("k")).get(g.variable("t")));
    assertThat(run.out()).contains("  d2f/dkdt = " + kt + "\n");
    assertThat(kt).isEqualTo("t * a * exp(-(k * t)) * k - a * exp(-(k * t))");
    // The upper triangle only, once, before the values at the points.
    assertThat(run.out()).doesNotContain("d2f/dtdk = t");
    assertThat(run.out().indexOf("d2f/dkdt = t")).isLessThan(run.out().indexOf("at a="));
  }
}
