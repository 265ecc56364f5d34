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
 * <p>Iterative throughout, a rule's replacement included (a rewrite can cascade down a long
 * chain, as {@code -(a - b) -> b - a} does down {@code -(x1 - x2 - … - xn)}), so deep graphs
 * do not exhaust the stack.
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
    // Nodes to simplify, and Finish marks for rewrites waiting for their replacement.
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      if (pending.peek() instanceof Finish finish) {
        pending.pop();
        Node result = simplified.get(finish.replacement());
        simplified.put(finish.rebuilt(), result);
        simplified.put(finish.original(), result);
        continue;
      }
      Node node = (Node) pending.peek();
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
      if (!ready) {
        continue;
      }
      pending.pop();
      Node rebuilt = rebuild(node);
      Node known = simplified.get(rebuilt);
      Node replacement = known != null ? null : firstRewrite(rebuilt);
      if (known != null || replacement == null) {
        Node result = known != null ? known : rebuilt;
        simplified.put(rebuilt, result);
        simplified.put(node, result);
      } else {
        // The replacement is simplified next, then both nodes take its result.
        pending.push(new Finish(node, rebuilt, replacement));
        pending.push(replacement);
      }
    }
    return simplified.get(root);
  }

  /** A rewrite that waits for {@code replacement} to be simplified. */
  private record Finish(Node original, Node rebuilt, Node replacement) {}

  // The replacement the first rule that fires gives, or null.
  private Node firstRewrite(Node node) {
    for (Rule rule : rules) {
      Node replacement = rule.apply(graph, node);
      if (replacement != null && replacement != node) {
        return replacement;
      }
    }
    return null;
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
}
