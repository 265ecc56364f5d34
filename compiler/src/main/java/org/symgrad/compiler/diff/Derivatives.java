package org.symgrad.compiler.diff;

import java.util.List;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/**
 * The chain rule, one case per op: given a node {@code n} and the gradient {@code seed} that
 * flows into it, the gradient that flows into each of its inputs.
 *
 * <p>The switch has no default, so a new op does not compile until it has a rule. At kinks the
 * rules follow PyTorch: {@code relu'(0) = 0}, {@code abs'(0) = 0}, and {@code min}/{@code max}
 * give each of two tied arguments half the gradient, as {@code torch.maximum} does.
 */
final class Derivatives {
  private Derivatives() {}

  /** The gradient for each input of {@code n}, in input order. */
  static List<Node> of(Graph g, Node n, Node seed) {
    return switch (n.op()) {
      case CONST, VAR -> List.of();
      case ADD -> List.of(seed, seed);
      case MUL -> List.of(g.mul(seed, in(n, 1)), g.mul(seed, in(n, 0)));
      // d(a/b)/db = -(a/b)/b: reuses the quotient instead of squaring b.
      case DIV -> List.of(g.div(seed, in(n, 1)), g.neg(g.div(g.mul(seed, n), in(n, 1))));
      case POW -> List.of(
          g.mul(seed, g.mul(in(n, 1), g.pow(in(n, 0), g.sub(in(n, 1), g.constant(1))))),
          g.mul(seed, g.mul(n, g.apply(Op.LOG, in(n, 0)))));
      case NEG -> List.of(g.neg(seed));
      case EXP -> List.of(g.mul(seed, n));
      case LOG -> List.of(g.div(seed, in(n, 0)));
      case SQRT -> List.of(g.div(seed, g.mul(g.constant(2), n)));
      case SIN -> List.of(g.mul(seed, g.apply(Op.COS, in(n, 0))));
      case COS -> List.of(g.neg(g.mul(seed, g.apply(Op.SIN, in(n, 0)))));
      case TAN -> List.of(g.mul(seed, g.add(g.constant(1), g.pow(n, g.constant(2)))));
      case TANH -> List.of(g.mul(seed, g.sub(g.constant(1), g.pow(n, g.constant(2)))));
      case SINH -> List.of(g.mul(seed, g.apply(Op.COSH, in(n, 0))));
      case COSH -> List.of(g.mul(seed, g.apply(Op.SINH, in(n, 0))));
      case ASIN -> List.of(g.div(seed, oneMinusSquareRoot(g, in(n, 0))));
      case ACOS -> List.of(g.neg(g.div(seed, oneMinusSquareRoot(g, in(n, 0)))));
      case ATAN -> List.of(g.div(seed, g.add(g.constant(1), g.pow(in(n, 0), g.constant(2)))));
      case ABS -> List.of(g.mul(seed, g.apply(Op.SIGN, in(n, 0))));
      case SIGN -> List.of(g.constant(0));
      case SIGMOID -> List.of(g.mul(seed, g.mul(n, g.sub(g.constant(1), n))));
      // relu(x) >= 0, so sign(relu(x)) is 1 where x > 0 and 0 elsewhere, 0 included.
      case RELU -> List.of(g.mul(seed, g.apply(Op.SIGN, n)));
      case SOFTPLUS -> List.of(g.mul(seed, g.apply(Op.SIGMOID, in(n, 0))));
      case LOG1P -> List.of(g.div(seed, g.add(g.constant(1), in(n, 0))));
      case EXPM1 -> List.of(g.mul(seed, g.add(n, g.constant(1))));
      case MIN -> List.of(g.mul(seed, share(g, n, -1)), g.mul(seed, share(g, n, 1)));
      case MAX -> List.of(g.mul(seed, share(g, n, 1)), g.mul(seed, share(g, n, -1)));
      // A comparison is flat wherever it is defined.
      case EQ -> List.of(g.constant(0), g.constant(0));
    };
  }

  private static Node in(Node n, int i) {
    return n.input(i);
  }

  // sqrt(1 - x^2), the denominator of asin' and acos'.
  private static Node oneMinusSquareRoot(Graph g, Node x) {
    return g.apply(Op.SQRT, g.sub(g.constant(1), g.pow(x, g.constant(2))));
  }

  // The first argument's share of a min/max gradient: 1, 0, or 1/2 when tied,
  // as 0.5 + 0.5 * sign(a - b) * direction.
  private static Node share(Graph g, Node n, int direction) {
    Node sign = g.apply(Op.SIGN, g.sub(n.input(0), n.input(1)));
    Node half = g.constant(0.5);
    return g.add(half, g.mul(g.constant(0.5 * direction), sign));
  }
}
