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
 * give each of two tied arguments half the gradient, as {@code torch.maximum} does. Where a
 * rule has branches it selects one ({@link Op#SELECT}, torch's {@code where}) rather than
 * multiplying the others by 0: an inactive branch's infinite partial ({@code sqrt(relu(x))} at
 * x < 0) is dropped, where 0 * ∞ would make the gradient NaN.
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
      // As torch: d/da is 0 where p = 0, d/dp is 0 where a = 0 and p >= 0 (not 0 * log 0).
      case POW -> List.of(
          g.select(g.apply(Op.EQ, in(n, 1), g.constant(0)), g.constant(0),
              g.mul(seed, g.mul(in(n, 1), g.pow(in(n, 0), g.sub(in(n, 1), g.constant(1)))))),
          g.select(g.apply(Op.EQ, in(n, 0), g.constant(0)), whereNegative(g, in(n, 1),
              g.mul(seed, g.mul(n, g.apply(Op.LOG, in(n, 0))))),
              g.mul(seed, g.mul(n, g.apply(Op.LOG, in(n, 0))))));
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
      case ABS -> List.of(g.select(positive(g, in(n, 0)), seed,
          g.select(g.apply(Op.GT, g.constant(0), in(n, 0)), g.neg(seed), g.constant(0))));
      case SIGN -> List.of(g.constant(0));
      case SIGMOID -> List.of(g.mul(seed, g.mul(n, g.sub(g.constant(1), n))));
      case RELU -> List.of(g.select(positive(g, in(n, 0)), seed, g.constant(0)));
      case SOFTPLUS -> List.of(g.mul(seed, g.apply(Op.SIGMOID, in(n, 0))));
      case LOG1P -> List.of(g.div(seed, g.add(g.constant(1), in(n, 0))));
      case EXPM1 -> List.of(g.mul(seed, g.add(n, g.constant(1))));
      // min(a, b): a has none of it where a > b; max(a, b): where b > a.
      case MIN -> List.of(share(g, seed, in(n, 0), in(n, 1)),
          share(g, seed, in(n, 1), in(n, 0)));
      case MAX -> List.of(share(g, seed, in(n, 1), in(n, 0)),
          share(g, seed, in(n, 0), in(n, 1)));
      // A comparison is flat wherever it is defined.
      case EQ, GT -> List.of(g.constant(0), g.constant(0));
      // The gradient goes to the branch selected; the condition is flat.
      case SELECT -> List.of(g.constant(0), g.select(in(n, 0), seed, g.constant(0)),
          g.select(in(n, 0), g.constant(0), seed));
    };
  }

  private static Node in(Node n, int i) {
    return n.input(i);
  }

  // sqrt(1 - x^2), the denominator of asin' and acos'.
  private static Node oneMinusSquareRoot(Graph g, Node x) {
    return g.apply(Op.SQRT, g.sub(g.constant(1), g.pow(x, g.constant(2))));
  }

  // An argument's share of a min/max gradient, as torch: none where x > y (the other argument
  // is chosen), half where they tie, all of it elsewhere (a NaN included, as torch).
  private static Node share(Graph g, Node seed, Node x, Node y) {
    return g.select(g.apply(Op.GT, x, y), g.constant(0),
        g.select(g.apply(Op.EQ, x, y), g.mul(g.constant(0.5), seed), seed));
  }

  // 1 where x > 0, else 0.
  private static Node positive(Graph g, Node x) {
    return g.apply(Op.GT, x, g.constant(0));
  }

  // value where p < 0 (or NaN), else 0: d(a^p)/dp at a = 0, as torch (p >= 0 gives 0).
  private static Node whereNegative(Graph g, Node p, Node value) {
    Node nonNegative = g.add(g.apply(Op.GT, p, g.constant(0)), g.apply(Op.EQ, p, g.constant(0)));
    return g.select(nonNegative, g.constant(0), value);
  }
}
