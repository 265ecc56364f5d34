package org.symgrad.compiler.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.parse.IndexedNodes;
import org.symgrad.compiler.parse.NodeWriter;

/**
 * Writes an {@link Expr} into a {@link Graph} through the parser's own {@link NodeWriter}: each
 * operand is an {@link IndexedNodes}, one node per value of its free indices, and every
 * operation is the call the parser makes for the same text, in the order it reads that text
 * (operands before their users, the left first). What decides node order (a subtraction, a
 * negation, a sum) is decided in {@code NodeWriter} for both front ends, so a builder model has
 * the nodes of its text, in the same order, and the same kernel.
 *
 * <p>Shapes are checked where the expression is built (see {@link Expr}); what is left here
 * cannot fail. Iterative, so that an expression of any depth (a sum of a hundred thousand
 * terms built in a loop) is written without exhausting the thread's stack.
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
  static IndexedNodes write(NodeWriter nodes, Expr root, Leaves leaves, List<String> order) {
    return write(nodes, root, leaves, true, Map.of()).arrange(order);
  }

  /**
   * {@code root} as one node in which every leaf that is not a constant, array elements and
   * sums included, is the node {@code leaves} gives it, and each expression of {@code preset}
   * (by identity) is its node: for a scalar loss, and for printing an expression as written.
   */
  static Node writeScalar(Graph graph, Expr root, Function<Expr, Node> leaves,
      Map<Expr, Node> preset) {
    Leaves scalars = new Leaves() {
      @Override
      public Node scalar(Expr leaf) {
        return leaves.apply(leaf);
      }

      @Override
      public List<Node> elements(Expr element) {
        throw new AssertionError("elements are leaves here: " + element);
      }
    };
    Map<Expr, IndexedNodes> given = new IdentityHashMap<>();
    preset.forEach((expr, node) -> given.put(expr, IndexedNodes.scalar(node)));
    return write(new NodeWriter(graph), root, scalars, false, given).node();
  }

  /** {@code root} written; with {@code expand}, elements and sums are written out. */
  private static IndexedNodes write(NodeWriter nodes, Expr root, Leaves leaves, boolean expand,
      Map<Expr, IndexedNodes> preset) {
    Map<Expr, IndexedNodes> written = new IdentityHashMap<>(preset);
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expr expr = pending.peek();
      if (written.containsKey(expr)) {
        pending.pop();
        continue;
      }
      List<Expr> operands = operands(expr, expand);
      boolean ready = true;
      for (int i = operands.size() - 1; i >= 0; i--) { // pushed last first: popped first first
        if (!written.containsKey(operands.get(i))) {
          pending.push(operands.get(i));
          ready = false;
        }
      }
      if (ready) {
        pending.pop();
        written.put(expr, write(nodes, expr, operands, written, leaves, expand));
      }
    }
    return written.get(root);
  }

  /** What the text of {@code expr} reads before it: {@code a - b}'s operands are a and b. */
  private static List<Expr> operands(Expr expr, boolean expand) {
    return switch (expr.kind()) {
      case SUM -> expand ? List.of(expr.body()) : List.of();
      case APPLY -> expr.isSubtraction()
          ? List.of(expr.inputs().get(0), expr.inputs().get(1).inputs().get(0))
          : expr.inputs();
      default -> List.of();
    };
  }

  private static IndexedNodes write(NodeWriter nodes, Expr expr, List<Expr> operands,
      Map<Expr, IndexedNodes> written, Leaves leaves, boolean expand) {
    return switch (expr.kind()) {
      case CONSTANT -> nodes.constant(expr.value());
      case VARIABLE, PREDICTION, TARGET -> IndexedNodes.scalar(leaves.scalar(expr));
      case ELEMENT -> expand
          ? NodeWriter.select(leaves.elements(expr), expr.tensor().shape(), subscripts(expr))
          : IndexedNodes.scalar(leaves.scalar(expr));
      case SUM -> expand
          ? nodes.sum(expr.index().name(), written.get(expr.body()))
          : IndexedNodes.scalar(leaves.scalar(expr));
      case APPLY -> {
        IndexedNodes first = written.get(operands.get(0));
        if (operands.size() == 1) {
          yield nodes.apply(expr.op(), first);
        }
        IndexedNodes second = written.get(operands.get(1));
        yield expr.isSubtraction()
            ? nodes.subtract(first, second)
            : nodes.apply(expr.op(), first, second);
      }
    };
  }

  /** An element's subscripts as {@link NodeWriter#select} takes them: positions and names. */
  private static List<Object> subscripts(Expr element) {
    return element.subscripts().stream()
        .map(s -> s instanceof Index index ? (Object) index.name() : s)
        .toList();
  }
}
