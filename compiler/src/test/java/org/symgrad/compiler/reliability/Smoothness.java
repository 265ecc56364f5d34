package org.symgrad.compiler.reliability;

import java.util.Map;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.graph.Node;

/**
 * Whether an expression is smooth around a point, so that central differences can judge its
 * gradient there: every node's value is finite and moderate, and every operation's argument
 * keeps {@link #MARGIN} away from where the operation has a kink, a pole or the edge of its
 * domain:
 *
 * <pre>
 * abs, relu            |x| > margin                    (kink at 0)
 * min, max             |a - b| > margin                (kink where they tie)
 * a / b                |b| > margin                    (pole)
 * log, sqrt            x > margin                      (edge of the domain, infinite slope)
 * log1p                x > -1 + margin
 * asin, acos           |x| < 1 - margin                (infinite slope at ±1)
 * tan                  |cos x| > margin                (poles)
 * a ^ b                a > margin, or b constant and |a| > margin
 *                      (a^b is real for negative a only at integer b, and log a is in d/db)
 * </pre>
 *
 * With finite-difference steps of about 1e-5 times the scale and a margin of 1e-2, no step
 * crosses one of these places, and values are bounded by {@link #LARGEST} so that rounding in
 * the differences stays small. The differences themselves are also checked against a second
 * step size by the caller; a point where they disagree is not judged.
 */
final class Smoothness {
  static final double MARGIN = 1e-2;
  static final double LARGEST = 1e6;

  private Smoothness() {}

  /** Whether every node {@code root} depends on is smooth at {@code point}. */
  static boolean smoothAt(Node root, Map<String, Double> point) {
    Evaluator evaluator = new Evaluator(point);
    for (Node node : ReverseDiff.reachable(root)) {
      double value = evaluator.valueOf(node);
      if (!(Math.abs(value) <= LARGEST)) {
        return false; // NaN, infinite or too large to difference accurately
      }
      if (!node.inputs().isEmpty() && !smoothArguments(node, evaluator)) {
        return false;
      }
    }
    return true;
  }

  private static boolean smoothArguments(Node node, Evaluator evaluator) {
    double a = evaluator.valueOf(node.input(0));
    double b = node.inputs().size() > 1 ? evaluator.valueOf(node.input(1)) : Double.NaN;
    return switch (node.op()) {
      case ABS, RELU, SIGN -> Math.abs(a) > MARGIN;
      case MIN, MAX -> Math.abs(a - b) > MARGIN;
      case DIV -> Math.abs(b) > MARGIN;
      case LOG, SQRT -> a > MARGIN;
      case LOG1P -> a > -1 + MARGIN;
      case ASIN, ACOS -> Math.abs(a) < 1 - MARGIN;
      case TAN -> Math.abs(Math.cos(a)) > MARGIN;
      case POW -> a > MARGIN || (node.input(1).isConstant() && Math.abs(a) > MARGIN);
      default -> true;
    };
  }
}
