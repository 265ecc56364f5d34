package org.symgrad.compiler.lower;

import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/**
 * Splits a per-row term into a power-of-two scale and the rest, {@code term = scale * rest},
 * so that a kernel can sum {@code rest} and scale the sum once after the loop:
 * {@code Σ 2·e = 2·Σ e}. One multiplication per row less (MSE's {@code 2 * (pred - target)}).
 *
 * <p>Why only powers of two: multiplying by {@code 2^k} changes the exponent and not the
 * significand, so {@code fl(2^k·a)·b}, {@code 2^k·fl(a·b)}, {@code Σ fl(2^k·e)} and {@code
 * 2^k·Σ e} round identically, and the factored kernel gives the unfactored kernel's bits. Any
 * other constant ({@code 0.1}) rounds differently once moved, so it stays where it is. The
 * equality holds while every intermediate stays in the normal range: a term or partial sum
 * that overflows to infinity, or one that falls below 2^-1022 (subnormal), can round
 * differently; there the factored kernel is the more accurate one (it rounds once, late).
 *
 * <p>Products are searched through: {@code (2·a)·b} gives {@code (2, a·b)}, so the constant
 * reaches the top of the product only where moving it is exact. Negations inside the product
 * count as a factor -1 and gather at its top.
 */
final class ExactFactor {

  /** {@code scale * rest} equals the original term; {@code scale} is a power of two or 1. */
  record Factored(double scale, Node rest) {}

  // How deep into a product the search goes: the constants of a model's products sit near
  // the top, and a bound keeps a product chain of any depth from overflowing the stack.
  private static final int DEPTH = 32;

  private ExactFactor() {}

  /**
   * The term as a positive scale times the rest. The scale is never negative: the sums start
   * at +0, so a sum of terms that are all zero is +0, and a negative scale would make it -0;
   * a negative factor therefore stays in the rest, as a negation (cheaper than a product).
   */
  static Factored of(Graph g, Node term) {
    Factored found = of(g, term, DEPTH);
    if (found.scale() > 0) {
      return found;
    }
    Node rest = found.rest().op() == Op.NEG ? found.rest().input(0) : g.neg(found.rest());
    return new Factored(-found.scale(), rest);
  }

  private static Factored of(Graph g, Node term, int depth) {
    if (depth == 0) {
      return new Factored(1.0, term);
    }
    if (term.op() == Op.NEG) {
      Factored inner = of(g, term.input(0), depth - 1);
      return new Factored(-inner.scale(), inner.rest());
    }
    if (term.op() != Op.MUL) {
      return new Factored(1.0, term);
    }
    Node a = term.input(0);
    Node b = term.input(1);
    if (a.isConstant() && isPowerOfTwo(a.value())) {
      Factored right = of(g, b, depth - 1);
      return scaled(a.value(), right.scale(), right.rest(), term);
    }
    Factored left = of(g, a, depth - 1);
    Factored right = of(g, b, depth - 1);
    if (left.scale() == 1.0 && right.scale() == 1.0) {
      return new Factored(1.0, term);
    }
    return scaled(left.scale(), right.scale(), g.mul(left.rest(), right.rest()), term);
  }

  // The scales multiply exactly unless their product leaves the normal range: then keep the
  // term whole.
  private static Factored scaled(double s1, double s2, Node rest, Node term) {
    double scale = s1 * s2;
    return isPowerOfTwo(scale) ? new Factored(scale, rest) : new Factored(1.0, term);
  }

  /** ±2^k, normal: the constants whose products round as their factors' do. */
  static boolean isPowerOfTwo(double c) {
    return Double.isFinite(c) && Math.abs(c) >= Double.MIN_NORMAL
        && Math.abs(c) == Math.scalb(1.0, Math.getExponent(c));
  }
}
