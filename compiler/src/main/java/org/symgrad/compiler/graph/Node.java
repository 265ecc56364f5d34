package org.symgrad.compiler.graph;

import java.util.List;

/**
 * One immutable node of the symbolic graph. Nodes are made only by a {@link Graph}, which
 * interns them: two equal expressions of one graph are the same object, so identity is
 * equality and shared subexpressions are shared by construction.
 *
 * <p>{@link #id()} grows with creation and every input is created before its users, so
 * sorting nodes by id orders them topologically.
 */
public final class Node {
  private final Graph owner;
  private final int id;
  private final Op op;
  private final List<Node> inputs;
  private final double value;
  private final String name;

  Node(Graph owner, int id, Op op, List<Node> inputs, double value, String name) {
    this.owner = owner;
    this.id = id;
    this.op = op;
    this.inputs = inputs;
    this.value = value;
    this.name = name;
  }

  Graph owner() {
    return owner;
  }

  /** Creation order within its graph; a topological order. */
  public int id() {
    return id;
  }

  public Op op() {
    return op;
  }

  /** The ordered inputs; empty for constants and variables. */
  public List<Node> inputs() {
    return inputs;
  }

  /** Input {@code i}. */
  public Node input(int i) {
    return inputs.get(i);
  }

  /** The number, for a {@link Op#CONST}. */
  public double value() {
    if (op != Op.CONST) {
      throw new IllegalStateException(this + " is not a constant");
    }
    return value;
  }

  /** The name, for a {@link Op#VAR}. */
  public String name() {
    if (op != Op.VAR) {
      throw new IllegalStateException(this + " is not a variable");
    }
    return name;
  }

  public boolean isConstant() {
    return op == Op.CONST;
  }

  /** Whether this is the constant {@code c} (bit for bit, so 0.0 is not -0.0). */
  public boolean isConstant(double c) {
    return op == Op.CONST && Double.doubleToLongBits(value) == Double.doubleToLongBits(c);
  }

  public boolean isVariable() {
    return op == Op.VAR;
  }

  @Override
  public String toString() {
    return ExpressionPrinter.print(this);
  }
}
