package org.symgrad.compiler.diff;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * Every op's derivative rule against central finite differences at random points of its
 * domain, through a chain (so the seed is not 1) and with a shared argument (so contributions
 * must add up).
 */
class DerivativeRulesTest {
  private static final int POINTS = 50;

  @ParameterizedTest
  @EnumSource(value = Op.class, names = {"CONST", "VAR"}, mode = EnumSource.Mode.EXCLUDE)
  void ruleAgreesWithCentralDifferences(Op op) {
    Random random = new Random(op.ordinal());
    Graph g = new Graph();
    Node x = g.variable("x");
    Node y = g.variable("y");
    // The op's inputs are smooth functions of x and y, to exercise the chain rule.
    Node a = g.mul(g.constant(0.5), x);
    Node b = g.add(g.mul(g.constant(0.25), y), g.constant(0.1));
    Node f = switch (op.arity()) {
      case 1 -> g.apply(op, a);
      case 2 -> g.apply(op, a, b);
      default -> g.apply(op, List.of(a, a, b)); // select(a, a, b): a where a is not 0, else b
    };
    Node output = g.mul(f, g.apply(Op.SIN, x)); // x used twice: contributions must add
    Map<Node, Node> gradient = ReverseDiff.gradient(g, output, List.of(x, y));
    Simplifier simplifier = new Simplifier(g);
    int checked = 0;
    while (checked < POINTS) {
      double xv = sample(op, random, 2.0);
      double yv = sample(op, random, 4.0) * 4 - 0.4; // so b = 0.25 * y + 0.1 is in the domain
      if (nearKink(op, 0.5 * xv, 0.25 * yv + 0.1)) {
        continue;
      }
      for (Node variable : List.of(x, y)) {
        double symbolic = Evaluator.evaluate(simplifier.simplify(gradient.get(variable)),
            Map.of("x", xv, "y", yv));
        double numeric = centralDifference(output, variable.name(), xv, yv);
        assertWithMessage("d/d%s of %s at x=%s, y=%s", variable.name(), output, xv, yv)
            .that(relativeError(symbolic, numeric)).isLessThan(1e-6);
      }
      checked++;
    }
  }

  /** A point where the op's argument lies inside its domain. */
  private static double sample(Op op, Random random, double scale) {
    return switch (op) {
      case LOG, SQRT, POW -> (0.1 + random.nextDouble() * 2) * scale;
      case ASIN, ACOS -> (random.nextDouble() * 1.8 - 0.9) * scale;
      case LOG1P -> (random.nextDouble() * 3 - 0.9) * scale;
      case TAN -> (random.nextDouble() * 2.4 - 1.2) * scale;
      default -> (random.nextDouble() * 6 - 3) * scale;
    };
  }

  // Finite differences cannot see a derivative across a kink; the kinks are tested apart.
  private static boolean nearKink(Op op, double a, double b) {
    return switch (op) {
      case ABS, RELU, SIGN -> Math.abs(a) < 1e-3;
      case MIN, MAX, EQ, GT -> Math.abs(a - b) < 1e-3;
      case SELECT -> Math.abs(a) < 1e-3;
      default -> false;
    };
  }

  private static double centralDifference(Node output, String variable, double x, double y) {
    double h = 1e-6 * Math.max(1, Math.abs(variable.equals("x") ? x : y));
    double plus = value(output, variable.equals("x") ? x + h : x, variable.equals("y") ? y + h : y);
    double minus = value(output, variable.equals("x") ? x - h : x,
        variable.equals("y") ? y - h : y);
    return (plus - minus) / (2 * h);
  }

  private static double value(Node node, double x, double y) {
    return Evaluator.evaluate(node, Map.of("x", x, "y", y));
  }

  static double relativeError(double actual, double expected) {
    double scale = Math.max(1e-3, Math.abs(expected));
    double error = Math.abs(actual - expected) / scale;
    assertThat(Double.isNaN(actual)).isFalse();
    return error;
  }
}
