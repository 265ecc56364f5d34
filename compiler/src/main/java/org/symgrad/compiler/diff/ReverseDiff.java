package org.symgrad.compiler.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * Reverse-mode differentiation over the DAG: one backward sweep from the output, in reverse
 * topological order, gives the gradient with respect to every variable at once. A node used
 * twice receives the sum of its users' contributions, as micrograd's {@code +=}.
 *
 * <p>Iterative throughout, so depth is limited by memory, not by the stack. The results are
 * not simplified; {@code simplify.Simplifier} does that.
 */
public final class ReverseDiff {
  private ReverseDiff() {}

  /**
   * d{@code output}/d{@code variable} for each of {@code variables}, in their order; a variable
   * the output does not depend on gets the constant 0.
   */
  public static Map<Node, Node> gradient(Graph g, Node output, List<Node> variables) {
    List<Node> order = reachable(output);
    order.sort(Comparator.comparingInt(Node::id).reversed());
    Map<Node, Node> adjoint = new HashMap<>();
    adjoint.put(output, g.constant(1));
    for (Node node : order) {
      Node seed = adjoint.get(node);
      if (seed == null || node.inputs().isEmpty()) {
        continue;
      }
      List<Node> contributions = Derivatives.of(g, node, seed);
      for (int i = 0; i < contributions.size(); i++) {
        Node input = node.input(i);
        if (input.isConstant()) {
          continue; // constants collect no gradient
        }
        adjoint.merge(input, contributions.get(i), g::add);
      }
    }
    Map<Node, Node> result = new LinkedHashMap<>();
    for (Node variable : variables) {
      result.put(variable, adjoint.getOrDefault(variable, g.constant(0)));
    }
    return result;
  }

  /** Every node {@code root} depends on, itself included, in no particular order. */
  public static List<Node> reachable(Node root) {
    Set<Node> seen = new HashSet<>();
    List<Node> found = new ArrayList<>();
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (seen.add(node)) {
        found.add(node);
        node.inputs().forEach(pending::push);
      }
    }
    return found;
  }
}
