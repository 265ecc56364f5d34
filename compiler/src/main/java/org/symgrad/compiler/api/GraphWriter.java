package org.symgrad.compiler.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * Writes an {@link Expr} into a {@link Graph}, in the order the parser makes nodes for the
 * same text: operands before their users, the left operand first. Nodes are interned either
 * way; the order matters because node ids order the kernel's instructions, so it is what
 * makes a builder model's IR listing equal its text's.
 *
 * <p>Iterative, so that an expression of any depth (a sum of a hundred thousand terms built in
 * a loop) is written without exhausting the thread's stack.
 */
final class GraphWriter {

  /** The node of each leaf that is not a constant: a variable, {@code pred} or {@code target}. */
  @FunctionalInterface
  interface Leaves {
    Node resolve(Expr leaf);
  }

  private GraphWriter() {}

  static Node write(Graph graph, Expr root, Leaves leaves) {
    return write(graph, root, leaves, Map.of());
  }

  /** As {@link #write(Graph, Expr, Leaves)}, with the nodes of {@code preset}'s expressions given. */
  static Node write(Graph graph, Expr root, Leaves leaves, Map<Expr, Node> preset) {
    Map<Expr, Node> written = new IdentityHashMap<>(preset);
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expr expr = pending.peek();
      if (written.containsKey(expr)) {
        pending.pop();
        continue;
      }
      List<Expr> inputs = expr.inputs();
      boolean ready = true;
      for (int i = inputs.size() - 1; i >= 0; i--) { // pushed last first: popped first first
        if (!written.containsKey(inputs.get(i))) {
          pending.push(inputs.get(i));
          ready = false;
        }
      }
      if (ready) {
        pending.pop();
        written.put(expr, node(graph, expr, written, leaves));
      }
    }
    return written.get(root);
  }

  private static Node node(Graph graph, Expr expr, Map<Expr, Node> written, Leaves leaves) {
    return switch (expr.kind()) {
      case CONSTANT -> graph.constant(expr.value());
      case VARIABLE, PREDICTION, TARGET, ELEMENT, SUM -> leaves.resolve(expr);
      case APPLY -> graph.apply(expr.op(),
          expr.inputs().stream().map(written::get).toList());
    };
  }
}
