package org.symgrad.compiler.simplify;

import static org.symgrad.compiler.graph.Op.ADD;
import static org.symgrad.compiler.graph.Op.DIV;
import static org.symgrad.compiler.graph.Op.MUL;
import static org.symgrad.compiler.graph.Op.NEG;
import static org.symgrad.compiler.graph.Op.POW;
import static org.symgrad.compiler.graph.Op.SELECT;

import java.util.List;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/**
 * Every simplification, one line each, applied by {@link Simplifier} to a fixed point. Each
 * keeps the value exactly, except where its comment says it assumes finite operands, as every
 * symbolic system does.
 */
public final class Rules {
  private Rules() {}

  /** The rules, in the order they are tried. */
  public static final List<Rule> ALL = List.of(
      // op(c1, c2) -> c: evaluate what has no variable in it
      new Rule("fold constants", (g, n) -> n.inputs().isEmpty()
          || !n.inputs().stream().allMatch(Node::isConstant) ? null : g.constant(
              n.op().apply(n.inputs().stream().mapToDouble(Node::value).toArray()))),
      // select(c, a, b) -> a or b, for a constant c
      new Rule("select(c, a, b) -> a | b", (g, n) -> is(n, SELECT) && n.input(0).isConstant()
          ? (n.input(0).value() != 0.0 ? n.input(1) : n.input(2)) : null),
      // select(c, a, a) -> a
      new Rule("select(c, a, a) -> a", (g, n) -> is(n, SELECT) && n.input(1) == n.input(2)
          ? n.input(1) : null),
      // x + 0 -> x (the graph puts constants last in sums)
      new Rule("x + 0 -> x", (g, n) -> is(n, ADD) && n.input(1).isConstant(0) ? n.input(0) : null),
      // x + x -> 2 * x
      new Rule("x + x -> 2 * x", (g, n) -> is(n, ADD) && n.input(0) == n.input(1)
          ? g.mul(g.constant(2), n.input(0)) : null),
      // 1 * x -> x (the graph puts constants first in products)
      new Rule("1 * x -> x", (g, n) -> is(n, MUL) && n.input(0).isConstant(1) ? n.input(1) : null),
      // 0 * x -> 0, assuming x finite
      new Rule("0 * x -> 0", (g, n) -> is(n, MUL) && n.input(0).isConstant(0) ? n.input(0) : null),
      // -1 * x -> -x
      new Rule("-1 * x -> -x", (g, n) -> is(n, MUL) && n.input(0).isConstant(-1)
          ? g.neg(n.input(1)) : null),
      // c1 * (c2 * x) -> (c1 * c2) * x, which rounds once where the original rounded twice;
      // not when c1 * c2 overflows or underflows, as 1e300 * (1e10 * x) would, where the
      // original need not
      new Rule("c1 * (c2 * x) -> c * x", (g, n) -> is(n, MUL) && n.input(0).isConstant()
          && is(n.input(1), MUL) && n.input(1).input(0).isConstant()
          && isNormal(n.input(0).value() * n.input(1).input(0).value())
          ? g.mul(g.constant(n.input(0).value() * n.input(1).input(0).value()),
              n.input(1).input(1)) : null),
      // a * -b -> -(a * b), so signs gather where the printer shows them as subtraction
      new Rule("a * -b -> -(a * b)", (g, n) -> is(n, MUL) && is(n.input(1), NEG)
          ? g.neg(g.mul(n.input(0), n.input(1).input(0))) : null),
      // -a * b -> -(a * b)
      new Rule("-a * b -> -(a * b)", (g, n) -> is(n, MUL) && is(n.input(0), NEG)
          ? g.neg(g.mul(n.input(0).input(0), n.input(1))) : null),
      // x / 1 -> x
      new Rule("x / 1 -> x", (g, n) -> is(n, DIV) && n.input(1).isConstant(1) ? n.input(0) : null),
      // 0 / x -> 0, assuming x finite and non-zero
      new Rule("0 / x -> 0", (g, n) -> is(n, DIV) && n.input(0).isConstant(0) ? n.input(0) : null),
      // -a / b -> -(a / b)
      new Rule("-a / b -> -(a / b)", (g, n) -> is(n, DIV) && is(n.input(0), NEG)
          ? g.neg(g.div(n.input(0).input(0), n.input(1))) : null),
      // x ^ 1 -> x
      new Rule("x ^ 1 -> x", (g, n) -> is(n, POW) && n.input(1).isConstant(1) ? n.input(0) : null),
      // x ^ 0 -> 1, as Math.pow has it even for 0 and NaN
      new Rule("x ^ 0 -> 1", (g, n) -> is(n, POW) && n.input(1).isConstant(0)
          ? g.constant(1) : null),
      // --x -> x
      new Rule("--x -> x", (g, n) -> is(n, NEG) && is(n.input(0), NEG) ? n.input(0).input(0) : null),
      // -(a - b) -> b - a
      new Rule("-(a - b) -> b - a", (g, n) -> is(n, NEG) && is(n.input(0), ADD)
          && is(n.input(0).input(1), NEG)
          ? g.sub(n.input(0).input(1).input(0), n.input(0).input(0)) : null),
      // a + -(b) stays a - b; -a + b -> b - a reads better and is the same value
      new Rule("-a + b -> b - a", (g, n) -> is(n, ADD) && is(n.input(0), NEG)
          && !is(n.input(1), NEG) && !n.input(1).isConstant()
          ? g.sub(n.input(1), n.input(0).input(0)) : null));

  private static boolean is(Node n, Op op) {
    return n.op() == op;
  }

  // Finite, and neither zero nor subnormal: a product of constants that lost nothing.
  private static boolean isNormal(double value) {
    return Double.isFinite(value) && Math.abs(value) >= Double.MIN_NORMAL;
  }
}
