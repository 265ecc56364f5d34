package org.symgrad.compiler.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The factory and owner of {@link Node}s: every node is interned, so building the same
 * expression twice returns the same node (CSE by construction). Factories build composite
 * functions from the primitives of {@link Op} ({@code a - b} is {@code a + (-b)}).
 *
 * <p>Factories do not simplify, except that {@link #mul} puts a constant first and {@link
 * #add} puts it last, so that {@code x*2} and {@code 2*x} are one node; {@code simplify}
 * does the rest. Not thread-safe: one graph belongs to one compilation.
 */
public final class Graph {
  /**
   * What makes two nodes the same. Its equals and hashCode are written out, with the values a
   * record's generated ones give: those are linked on first use through method handles, which
   * spin some 25 classes that no class-data archive keeps, a tenth of a short fit's compile.
   */
  private record Key(Op op, List<Node> inputs, long valueBits, String name) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && op == k.op && valueBits == k.valueBits
          && inputs.equals(k.inputs) && Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
      return ((op.hashCode() * 31 + inputs.hashCode()) * 31 + Long.hashCode(valueBits)) * 31
          + Objects.hashCode(name);
    }
  }

  private final Map<Key, Node> interned = new HashMap<>();

  /** The number of distinct nodes made so far. */
  public int size() {
    return interned.size();
  }

  /** The constant {@code value}. */
  public Node constant(double value) {
    return intern(Op.CONST, List.of(), value, null);
  }

  /** The variable called {@code name}. */
  public Node variable(String name) {
    Objects.requireNonNull(name, "name");
    return intern(Op.VAR, List.of(), 0.0, name);
  }

  /** {@code op} applied to {@code inputs}, which must number {@code op.arity()}. */
  public Node apply(Op op, List<Node> inputs) {
    if (op == Op.CONST || op == Op.VAR) {
      throw new IllegalArgumentException("use constant() or variable() for " + op);
    }
    if (inputs.size() != op.arity()) {
      throw new IllegalArgumentException(
          op + " takes " + op.arity() + " inputs, got " + inputs.size());
    }
    if (op == Op.MUL && inputs.get(1).isConstant() && !inputs.get(0).isConstant()) {
      inputs = List.of(inputs.get(1), inputs.get(0)); // 2 * x, never x * 2
    } else if (op == Op.ADD && inputs.get(0).isConstant() && !inputs.get(1).isConstant()) {
      inputs = List.of(inputs.get(1), inputs.get(0)); // x + 2, never 2 + x
    }
    return intern(op, List.copyOf(inputs), 0.0, null);
  }

  public Node apply(Op op, Node x) {
    return apply(op, List.of(x));
  }

  public Node apply(Op op, Node a, Node b) {
    return apply(op, List.of(a, b));
  }

  /** {@code a} where {@code condition} is not 0, else {@code b} ({@link Op#SELECT}). */
  public Node select(Node condition, Node a, Node b) {
    return apply(Op.SELECT, List.of(condition, a, b));
  }

  public Node add(Node a, Node b) {
    return apply(Op.ADD, a, b);
  }

  /** {@code a - b}, as {@code a + (-b)}. */
  public Node sub(Node a, Node b) {
    return add(a, neg(b));
  }

  public Node mul(Node a, Node b) {
    return apply(Op.MUL, a, b);
  }

  public Node div(Node a, Node b) {
    return apply(Op.DIV, a, b);
  }

  public Node pow(Node a, Node b) {
    return apply(Op.POW, a, b);
  }

  public Node neg(Node x) {
    return apply(Op.NEG, x);
  }

  public Node constant(int value) {
    return constant((double) value);
  }

  private Node intern(Op op, List<Node> inputs, double value, String name) {
    Key key = new Key(op, inputs, Double.doubleToLongBits(value), name);
    Node existing = interned.get(key);
    if (existing != null) {
      return existing;
    }
    for (Node input : inputs) {
      if (input.owner() != this) {
        throw new IllegalArgumentException("node " + input + " belongs to another graph");
      }
    }
    Node node = new Node(this, interned.size(), op, inputs, value, name);
    interned.put(key, node);
    return node;
  }
}
