package org.symgrad.compiler.diff;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * Random smooth compositions five deep, reusing earlier subexpressions, against central
 * differences: the chain rule through shared nodes, simplified.
 */
class CompositionTest {
  private static final List<Op> SMOOTH_UNARY =
      List.of(Op.SIN, Op.COS, Op.TANH, Op.SIGMOID, Op.ATAN, Op.SOFTPLUS, Op.EXP, Op.NEG);
  private static final List<Op> BINARY = List.of(Op.ADD, Op.MUL);

  @Test
  void gradientsOfDeepSharedCompositionsMatchDifferences() {
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      Graph g = new Graph();
      List<Node> variables = List.of(g.variable("x"), g.variable("y"), g.variable("z"));
      List<Node> pool = new ArrayList<>(variables);
      for (int depth = 0; depth < 5; depth++) {
        Node a = pool.get(random.nextInt(pool.size()));
        Node b = pool.get(random.nextInt(pool.size()));
        Node next = random.nextBoolean()
            ? g.apply(SMOOTH_UNARY.get(random.nextInt(SMOOTH_UNARY.size())),
                g.mul(g.constant(0.5), a))
            : g.apply(BINARY.get(random.nextInt(BINARY.size())), a, b);
        pool.add(next);
      }
      Node output = g.add(pool.get(pool.size() - 1), g.mul(pool.get(pool.size() - 2),
          pool.get(pool.size() - 3)));
      Map<String, Double> at = Map.of("x", random.nextDouble() * 2 - 1,
          "y", random.nextDouble() * 2 - 1, "z", random.nextDouble() * 2 - 1);
      Map<Node, Node> gradient = ReverseDiff.gradient(g, output, variables);
      Simplifier simplifier = new Simplifier(g);
      for (Node variable : variables) {
        double symbolic = Evaluator.evaluate(simplifier.simplify(gradient.get(variable)), at);
        double numeric = centralDifference(output, variable.name(), at);
        assertWithMessage("d/d%s of %s at %s", variable.name(), output, at)
            .that(DerivativeRulesTest.relativeError(symbolic, numeric)).isLessThan(1e-6);
      }
    }
  }

  private static double centralDifference(Node output, String variable, Map<String, Double> at) {
    double h = 1e-6;
    Map<String, Double> plus = new java.util.HashMap<>(at);
    Map<String, Double> minus = new java.util.HashMap<>(at);
    plus.put(variable, at.get(variable) + h);
    minus.put(variable, at.get(variable) - h);
    return (Evaluator.evaluate(output, plus) - Evaluator.evaluate(output, minus)) / (2 * h);
  }
}
