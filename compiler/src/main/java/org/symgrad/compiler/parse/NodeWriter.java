package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.model.Shapes;

/**
 * The one graph writer of the language: how each operation of an expression becomes nodes,
 * element by element over its operands' indices ({@link IndexedNodes}). The text parser and
 * the builder ({@code org.symgrad.compiler.api}) both write through it, each in the order the
 * expression is read (operands before their users, the left first), so the two front ends
 * make the same nodes in the same order by construction: node ids order the kernel's
 * instructions, and so the same text and the same builder calls give the same kernel, bit for
 * bit.
 *
 * <p>The rules that decide node order live here and nowhere else: {@code a - b} is {@code a +
 * (-b)} with the subtrahend negated element by element within the addition; the negation of a
 * constant is the negative constant; a sum adds in index order.
 */
public final class NodeWriter {
  private final Graph graph;

  /** A writer into {@code graph}. */
  public NodeWriter(Graph graph) {
    this.graph = graph;
  }

  /** The number {@code value}. */
  public IndexedNodes constant(double value) {
    return IndexedNodes.scalar(graph.constant(value));
  }

  /** {@code -x}, element by element; a constant's negation is the negative constant. */
  public IndexedNodes negate(IndexedNodes x) {
    return x.map(this::negate);
  }

  /** {@code a - b}: {@code a + (-b)}, each element of {@code b} negated as it is added. */
  public IndexedNodes subtract(IndexedNodes a, IndexedNodes b) {
    return IndexedNodes.combine(a, b, (x, y) -> graph.add(x, negate(y)));
  }

  /** A function of one argument, or the negation, applied to every element. */
  public IndexedNodes apply(Op op, IndexedNodes x) {
    return op == Op.NEG ? negate(x) : x.map(e -> graph.apply(op, e));
  }

  /**
   * An operator or a function of two arguments, element by element over the axes of both
   * (those of {@code a} first).
   */
  public IndexedNodes apply(Op op, IndexedNodes a, IndexedNodes b) {
    return IndexedNodes.combine(a, b, (x, y) -> graph.apply(op, x, y));
  }

  /** {@code sum(index, body)}: {@code body} added along {@code index}, in index order. */
  public IndexedNodes sum(String index, IndexedNodes body) {
    return body.sum(index, graph);
  }

  private Node negate(Node x) {
    return x.isConstant() ? graph.constant(-x.value()) : graph.neg(x);
  }

  /**
   * The elements of an array that subscripts pick, over its distinct indices in order of
   * appearance: {@code W[j, 0]} is a vector over {@code j}, {@code A[j, j]} the diagonal.
   *
   * @param elements the array's elements, row-major over {@code shape}
   * @param subscripts one per axis of {@code shape}: an {@link Integer} position (checked to be
   *     in range) or a {@link String}, the name of an index
   */
  public static IndexedNodes select(List<Node> elements, List<Integer> shape,
      List<?> subscripts) {
    List<String> axes = new ArrayList<>();
    List<Integer> extents = new ArrayList<>();
    int[] fixed = new int[subscripts.size()];
    int[] axisOf = new int[subscripts.size()];
    for (int d = 0; d < subscripts.size(); d++) {
      if (subscripts.get(d) instanceof Integer position) {
        fixed[d] = position;
        axisOf[d] = -1;
        continue;
      }
      String index = (String) subscripts.get(d);
      if (!axes.contains(index)) {
        axes.add(index);
        extents.add(shape.get(d));
      }
      axisOf[d] = axes.indexOf(index);
    }
    int[] extent = extents.stream().mapToInt(Integer::intValue).toArray();
    Node[] picked = new Node[Shapes.size(extents)];
    int[] position = new int[extent.length];
    for (int i = 0; i < picked.length; i++) {
      int flat = 0;
      for (int d = 0; d < subscripts.size(); d++) {
        flat = flat * shape.get(d) + (axisOf[d] < 0 ? fixed[d] : position[axisOf[d]]);
      }
      picked[i] = elements.get(flat);
      // Odometer: step the last axis, carrying into the ones before it.
      for (int axis = extent.length - 1; axis >= 0; axis--) {
        if (++position[axis] < extent[axis]) {
          break;
        }
        position[axis] = 0;
      }
    }
    return IndexedNodes.of(axes, extent, picked);
  }
}
