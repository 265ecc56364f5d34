package org.symgrad.compiler.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.parse.Expressions;

/** Writes builder expressions into graphs, to compare them with what the parser makes. */
final class SameNodes {
  private SameNodes() {}

  /** {@code expr} in {@code graph}, every leaf a variable of its name. */
  static Node write(Graph graph, Expr expr) {
    return TensorWriter.writeScalar(graph, expr, leaf -> graph.variable(leaf.name()), Map.of());
  }

  /**
   * The nodes below {@code root} that are not constants, in creation order, printed: the order
   * the kernel's instructions follow. Constants are left out: the kernel writes them as
   * literals, and the parser makes a few that nothing uses (the 2 of -2, folded).
   */
  static List<String> creationOrder(Node root) {
    return ReverseDiff.reachable(root).stream()
        .filter(node -> !node.isConstant())
        .sorted(Comparator.comparingInt(Node::id))
        .map(node -> node.op() + " " + node)
        .toList();
  }

  /** The creation order of {@code text} parsed into a fresh graph. */
  static List<String> parsedOrder(String text) {
    return creationOrder(Expressions.parse(text, new Graph()));
  }

  /** The creation order of {@code expr} written into a fresh graph. */
  static List<String> writtenOrder(Expr expr) {
    return creationOrder(write(new Graph(), expr));
  }
}
