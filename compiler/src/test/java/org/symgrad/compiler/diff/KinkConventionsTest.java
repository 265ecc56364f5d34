package org.symgrad.compiler.diff;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/** At non-differentiable points the gradient is PyTorch's. */
class KinkConventionsTest {
  private final Graph g = new Graph();
  private final Node x = g.variable("x");
  private final Node y = g.variable("y");

  @Test
  void reluHasZeroSlopeAtZero() {
    assertThat(derivative(g.apply(Op.RELU, x), x, 0.0, 0.0)).isEqualTo(0.0);
    assertThat(derivative(g.apply(Op.RELU, x), x, 1e-300, 0.0)).isEqualTo(1.0);
  }

  @Test
  void absHasZeroSlopeAtZero() {
    assertThat(derivative(g.apply(Op.ABS, x), x, 0.0, 0.0)).isEqualTo(0.0);
    assertThat(derivative(g.apply(Op.ABS, x), x, -2.0, 0.0)).isEqualTo(-1.0);
  }

  @Test
  void maxAndMinSplitTheGradientBetweenTiedArguments() {
    Node max = g.apply(Op.MAX, x, y);
    Node min = g.apply(Op.MIN, x, y);
    assertThat(derivative(max, x, 1.5, 1.5)).isEqualTo(0.5);
    assertThat(derivative(max, y, 1.5, 1.5)).isEqualTo(0.5);
    assertThat(derivative(min, x, 1.5, 1.5)).isEqualTo(0.5);
    assertThat(derivative(max, x, 2.0, 1.0)).isEqualTo(1.0);
    assertThat(derivative(max, y, 2.0, 1.0)).isEqualTo(0.0);
    assertThat(derivative(min, x, 2.0, 1.0)).isEqualTo(0.0);
    assertThat(derivative(min, y, 2.0, 1.0)).isEqualTo(1.0);
  }

  @Test
  void theClassIndicatorIsFlatEvenWhereItJumps() {
    Node eq = g.apply(Op.EQ, x, y);
    assertThat(Evaluator.evaluate(eq, Map.of("x", 2.0, "y", 2.0))).isEqualTo(1.0);
    assertThat(Evaluator.evaluate(eq, Map.of("x", 2.0, "y", 2.5))).isEqualTo(0.0);
    assertThat(Evaluator.evaluate(eq, Map.of("x", Double.NaN, "y", Double.NaN))).isEqualTo(0.0);
    assertThat(derivative(eq, x, 2.0, 2.0)).isEqualTo(0.0);
    assertThat(derivative(eq, y, 2.0, 2.0)).isEqualTo(0.0);
    // Through a product: d(eq(x, y) * x)/dx is the indicator itself.
    assertThat(derivative(g.mul(eq, x), x, 3.0, 3.0)).isEqualTo(1.0);
    assertThat(derivative(g.mul(eq, x), x, 3.0, 1.0)).isEqualTo(0.0);
  }

  private double derivative(Node f, Node variable, double xv, double yv) {
    Node d = ReverseDiff.gradient(g, f, List.of(variable)).get(variable);
    return Evaluator.evaluate(d, Map.of("x", xv, "y", yv));
  }
}
