package org.symgrad.compiler.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.parse.IndexedNodes;

/**
 * Writes an {@link Expr} with indices into a {@link Graph} as the parser writes its text: each
 * operand is a {@link IndexedNodes}, one node per value of its free indices; operators apply element
 * by element over the union of their operands' indices ({@link IndexedNodes#combine}), {@code sum}
 * adds along its index ({@link IndexedNodes#sum}). These are the parser's own routines, applied in
 * the parser's order (operands before their users, the left first, and a subtrahend negated
 * element by element within the subtraction), so a builder model has the nodes of its text in
 * the same order, and the same kernel. A scalar expression is a tensor of one element, written
 * as {@link GraphWriter} writes it.
 *
 * <p>Shapes are checked where the expression is built (see {@link Expr}); what is left here
 * cannot fail. Iterative, as {@link GraphWriter}, for expressions of any depth.
 */
final class TensorWriter {

  /** The nodes of leaves that are not constants. */
  interface Leaves {
    /** A variable, {@code pred} or {@code target}. */
    Node scalar(Expr leaf);

    /** Every element of an element's array, row-major. */
    List<Node> elements(Expr element);
  }

  private TensorWriter() {}

  /** {@code root}'s elements, over its free indices in {@code order}, which holds them all. */
  static IndexedNodes write(Graph graph, Expr root, Leaves leaves, List<String> order) {
    Map<Expr, IndexedNodes> written = new IdentityHashMap<>();
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expr expr = pending.peek();
      if (written.containsKey(expr)) {
        pending.pop();
        continue;
      }
      List<Expr> operands = operands(expr);
      boolean ready = true;
      for (int i = operands.size() - 1; i >= 0; i--) { // pushed last first: popped first first
        if (!written.containsKey(operands.get(i))) {
          pending.push(operands.get(i));
          ready = false;
        }
      }
      if (ready) {
        pending.pop();
        written.put(expr, tensor(graph, expr, operands, written, leaves));
      }
    }
    return written.get(root).arrange(order);
  }

  /** What must be written before {@code expr}: a difference's subtrahend, not its negation. */
  private static List<Expr> operands(Expr expr) {
    return switch (expr.kind()) {
      case SUM -> List.of(expr.body());
      case APPLY -> expr.isSubtraction()
          ? List.of(expr.inputs().get(0), expr.inputs().get(1).inputs().get(0))
          : expr.inputs();
      default -> List.of();
    };
  }

  private static IndexedNodes tensor(Graph graph, Expr expr, List<Expr> operands,
      Map<Expr, IndexedNodes> written, Leaves leaves) {
    return switch (expr.kind()) {
      case CONSTANT -> IndexedNodes.scalar(graph.constant(expr.value()));
      case VARIABLE, PREDICTION, TARGET -> IndexedNodes.scalar(leaves.scalar(expr));
      case ELEMENT -> select(expr, leaves.elements(expr));
      case SUM -> written.get(expr.body()).sum(expr.index().name(), graph);
      case APPLY -> {
        Op op = expr.op();
        IndexedNodes first = written.get(operands.get(0));
        if (operands.size() == 1) {
          yield first.map(op == Op.NEG ? x -> negate(graph, x) : x -> graph.apply(op, x));
        }
        IndexedNodes second = written.get(operands.get(1));
        yield expr.isSubtraction()
            ? IndexedNodes.combine(first, second, (a, b) -> graph.add(a, negate(graph, b)))
            : IndexedNodes.combine(first, second, (a, b) -> graph.apply(op, a, b));
      }
    };
  }

  /** {@code -x}, folded into the constant when x is one, as the parser negates. */
  private static Node negate(Graph graph, Node x) {
    return x.isConstant() ? graph.constant(-x.value()) : graph.neg(x);
  }

  /**
   * The elements an element expression picks, over its distinct indices in order of
   * appearance; as the parser's {@code Indices.select}.
   */
  private static IndexedNodes select(Expr expr, List<Node> all) {
    List<Integer> shape = expr.tensor().shape();
    List<Object> subscripts = expr.subscripts();
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
      String index = ((Index) subscripts.get(d)).name();
      if (!axes.contains(index)) {
        axes.add(index);
        extents.add(shape.get(d));
      }
      axisOf[d] = axes.indexOf(index);
    }
    int[] extent = extents.stream().mapToInt(Integer::intValue).toArray();
    int size = 1;
    for (int e : extent) {
      size *= e;
    }
    Node[] elements = new Node[size];
    int[] position = new int[extent.length];
    for (int i = 0; i < elements.length; i++) {
      int flat = 0;
      for (int d = 0; d < subscripts.size(); d++) {
        flat = flat * shape.get(d) + (axisOf[d] < 0 ? fixed[d] : position[axisOf[d]]);
      }
      elements[i] = all.get(flat);
      for (int axis = extent.length - 1; axis >= 0; axis--) {
        if (++position[axis] < extent[axis]) {
          break;
        }
        position[axis] = 0;
      }
    }
    return IndexedNodes.of(axes, extent, elements);
  }
}
