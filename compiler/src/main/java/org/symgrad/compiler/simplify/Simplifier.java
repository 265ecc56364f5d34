package org.symgrad.compiler.simplify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * Rewrites a graph bottom-up with {@link Rules#ALL} until no rule applies. Results are
 * remembered, so simplifying many outputs of one graph (a loss and all its gradients) costs
 * one pass over their union.
 *
 * <p>The walk over the input graph is iterative; only a rule's own few new nodes are
 * simplified recursively, so deep graphs do not exhaust the stack.
 */
public final class Simplifier {
  private final Graph graph;
  private final List<Rule> rules;
  private final Map<Node, Node> simplified = new HashMap<>();

  public Simplifier(Graph graph) {
    this(graph, Rules.ALL);
  }

  public Simplifier(Graph graph, List<Rule> rules) {
    this.graph = graph;
    this.rules = List.copyOf(rules);
  }

  /** The simplest form of {@code root} these rules reach. */
  public Node simplify(Node root) {
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.peek();
      if (simplified.containsKey(node)) {
        pending.pop();
        continue;
      }
      boolean ready = true;
      for (Node input : node.inputs()) {
        if (!simplified.containsKey(input)) {
          pending.push(input);
          ready = false;
        }
      }
      if (ready) {
        pending.pop();
        simplified.put(node, settle(rebuild(node)));
      }
    }
    return simplified.get(root);
  }

  private Node rebuild(Node node) {
    if (node.inputs().isEmpty()) {
      return node;
    }
    List<Node> inputs = new ArrayList<>(node.inputs().size());
    boolean changed = false;
    for (Node input : node.inputs()) {
      Node replacement = simplified.get(input);
      inputs.add(replacement);
      changed |= replacement != input;
    }
    return changed ? graph.apply(node.op(), inputs) : node;
  }

  // Applies the first rule that fires, then simplifies its result, until none fires.
  private Node settle(Node node) {
    Node known = simplified.get(node);
    if (known != null && known == node) {
      return node;
    }
    for (Rule rule : rules) {
      Node replacement = rule.apply(graph, node);
      if (replacement != null && replacement != node) {
        Node result = simplify(replacement);
        simplified.put(node, result);
        return result;
      }
    }
    simplified.put(node, node);
    return node;
  }
}
