package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * An operand of an expression: one node for each value of the indices it depends on, as in
 * einsum. {@code W[j,k]} has axes {@code (j, k)}; {@code W[j,k] * x[k]} multiplies
 * element by element over the union of the axes, {@code (j, k)}; {@code sum(k, …)} adds
 * along {@code k} and leaves {@code (j)}. A scalar has no axes and one node.
 *
 * <p>This is how index sums become plain scalar graph: every operation is applied to the
 * nodes one by one, so differentiation, simplification and both emitters see only scalars.
 * Elements are row-major over the axes, the first axis outermost. Immutable.
 *
 * <p>Public only so that the builder API ({@code org.symgrad.compiler.api}) expands its index
 * expressions with this very code, and so in the parser's node order; not an API of its own.
 * The one {@code Tensor} is the builder's ({@link org.symgrad.compiler.api.Tensor}), a declared
 * array; this is what an expression over indices stands for while it is written out.
 */
public final class IndexedNodes {
  private final List<String> axes;
  private final int[] extents;
  private final Node[] elements;

  private IndexedNodes(List<String> axes, int[] extents, Node[] elements) {
    this.axes = List.copyOf(axes);
    this.extents = extents;
    this.elements = elements;
  }

  public static IndexedNodes scalar(Node node) {
    return new IndexedNodes(List.of(), new int[0], new Node[] {node});
  }

  /** A tensor over {@code axes} of those extents; {@code elements} is taken, not copied. */
  public static IndexedNodes of(List<String> axes, int[] extents, Node[] elements) {
    return new IndexedNodes(axes, extents.clone(), elements);
  }

  public List<String> axes() {
    return axes;
  }

  /** The extent of each axis. */
  public List<Integer> extents() {
    return java.util.Arrays.stream(extents).boxed().toList();
  }

  public boolean isScalar() {
    return axes.isEmpty();
  }

  /** The node of a scalar. */
  public Node node() {
    if (!isScalar()) {
      throw new IllegalStateException("not a scalar: axes " + axes);
    }
    return elements[0];
  }

  /** The elements in row-major order. */
  public List<Node> elements() {
    return List.of(elements);
  }

  /** How many nodes combining {@code a} and {@code b} makes: the product of their axes. */
  public static long combinedSize(IndexedNodes a, IndexedNodes b) {
    long size = a.elements.length;
    for (int i = 0; i < b.axes.size(); i++) {
      if (!a.axes.contains(b.axes.get(i))) {
        size *= b.extents[i];
      }
    }
    return size;
  }

  /** {@code op} applied to every element. */
  public IndexedNodes map(UnaryOperator<Node> op) {
    Node[] result = new Node[elements.length];
    for (int i = 0; i < elements.length; i++) {
      result[i] = op.apply(elements[i]);
    }
    return new IndexedNodes(axes, extents, result);
  }

  /**
   * {@code op} applied element by element over the axes of both: those of {@code a}, then
   * those of {@code b} that {@code a} lacks. An axis both have has one extent in both, since
   * an index has one range.
   */
  public static IndexedNodes combine(IndexedNodes a, IndexedNodes b, BinaryOperator<Node> op) {
    List<String> axes = new ArrayList<>(a.axes);
    List<Integer> extents = new ArrayList<>();
    for (int extent : a.extents) {
      extents.add(extent);
    }
    for (int i = 0; i < b.axes.size(); i++) {
      if (!axes.contains(b.axes.get(i))) {
        axes.add(b.axes.get(i));
        extents.add(b.extents[i]);
      }
    }
    int[] shape = extents.stream().mapToInt(Integer::intValue).toArray();
    int[] fromA = a.strideIn(axes);
    int[] fromB = b.strideIn(axes);
    Node[] result = new Node[(int) combinedSize(a, b)];
    int[] position = new int[shape.length];
    int atA = 0;
    int atB = 0;
    for (int i = 0; i < result.length; i++) {
      result[i] = op.apply(a.elements[atA], b.elements[atB]);
      // Odometer: step the last axis, carrying into the ones before it.
      for (int axis = shape.length - 1; axis >= 0; axis--) {
        position[axis]++;
        atA += fromA[axis];
        atB += fromB[axis];
        if (position[axis] < shape[axis]) {
          break;
        }
        atA -= fromA[axis] * shape[axis];
        atB -= fromB[axis] * shape[axis];
        position[axis] = 0;
      }
    }
    return new IndexedNodes(axes, shape, result);
  }

  /** The sum along {@code axis}, added in index order: {@code ((e0 + e1) + e2) + …}. */
  public IndexedNodes sum(String axis, Graph graph) {
    int reduced = axes.indexOf(axis);
    if (reduced < 0) {
      throw new IllegalArgumentException("no axis " + axis + " in " + axes);
    }
    int inner = 1;
    for (int i = reduced + 1; i < extents.length; i++) {
      inner *= extents[i];
    }
    int extent = extents[reduced];
    int outer = elements.length / (inner * extent);
    Node[] result = new Node[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int base = o * extent * inner + in;
        Node total = elements[base];
        for (int k = 1; k < extent; k++) {
          total = graph.add(total, elements[base + k * inner]);
        }
        result[o * inner + in] = total;
      }
    }
    List<String> rest = new ArrayList<>(axes);
    rest.remove(reduced);
    int[] restExtents = new int[extents.length - 1];
    for (int i = 0, j = 0; i < extents.length; i++) {
      if (i != reduced) {
        restExtents[j++] = extents[i];
      }
    }
    return new IndexedNodes(rest, restExtents, result);
  }

  /** The same elements with the axes in {@code order}, which holds exactly these axes. */
  public IndexedNodes arrange(List<String> order) {
    if (order.equals(axes)) {
      return this;
    }
    int[] shape = new int[order.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = extents[axes.indexOf(order.get(i))];
    }
    int[] from = strideIn(order);
    Node[] result = new Node[elements.length];
    int[] position = new int[shape.length];
    int at = 0;
    for (int i = 0; i < result.length; i++) {
      result[i] = elements[at];
      for (int axis = shape.length - 1; axis >= 0; axis--) {
        position[axis]++;
        at += from[axis];
        if (position[axis] < shape[axis]) {
          break;
        }
        at -= from[axis] * shape[axis];
        position[axis] = 0;
      }
    }
    return new IndexedNodes(order, shape, result);
  }

  // For each axis of `all`, how far this tensor's flat index moves when it steps by one.
  private int[] strideIn(List<String> all) {
    int[] strides = new int[all.size()];
    int stride = 1;
    for (int i = axes.size() - 1; i >= 0; i--) {
      strides[all.indexOf(axes.get(i))] = stride;
      stride *= extents[i];
    }
    return strides;
  }
}
