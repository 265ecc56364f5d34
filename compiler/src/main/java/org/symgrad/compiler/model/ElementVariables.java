package org.symgrad.compiler.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * The element variables of a declared param, {@code W[0,0]} … {@code W[2047,2047]}, each made
 * when an expression first reads it: an element the model never reads costs no node, no
 * derivative and no code. The graph interns variables, so reading one twice gives the same
 * node. Small arrays make their elements at once ({@link #of}), so that node ids, and with
 * them the order of a kernel's parameter loads, follow the declaration as they always did.
 * A model file's params and a builder's are made alike, so both give the same code.
 */
public final class ElementVariables extends AbstractList<Node> implements RandomAccess {
  /** Arrays up to this size make every element variable when declared. */
  public static final int EAGER_UP_TO = 1 << 12;

  private final Graph graph;
  private final String name;
  private final List<Integer> shape;
  private final int size;

  private ElementVariables(Graph graph, String name, List<Integer> shape) {
    this.graph = graph;
    this.name = name;
    this.shape = List.copyOf(shape);
    this.size = Shapes.size(shape);
  }

  /** The elements of param {@code name} of {@code shape}, in row-major order. */
  public static List<Node> of(Graph graph, String name, List<Integer> shape) {
    ElementVariables lazy = new ElementVariables(graph, name, shape);
    return lazy.size <= EAGER_UP_TO ? List.copyOf(lazy) : lazy;
  }

  @Override
  public Node get(int flat) {
    if (flat < 0 || flat >= size) {
      throw new IndexOutOfBoundsException("element " + flat + " of " + size);
    }
    return graph.variable(Shapes.elementName(name, shape, flat));
  }

  @Override
  public int size() {
    return size;
  }
}
