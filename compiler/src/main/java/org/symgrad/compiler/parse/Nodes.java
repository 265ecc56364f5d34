package org.symgrad.compiler.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symgrad.compiler.graph.Node;

/** Walks over the nodes below a root, iteratively, so that deep graphs are safe. */
final class Nodes {
  private Nodes() {}

  /** The nodes {@code root} depends on, itself included, in topological (id) order. */
  static List<Node> below(Node root) {
    Set<Node> seen = new HashSet<>();
    Deque<Node> stack = new ArrayDeque<>();
    List<Node> found = new ArrayList<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      if (seen.add(node)) {
        found.add(node);
        node.inputs().forEach(stack::push);
      }
    }
    found.sort(Comparator.comparingInt(Node::id));
    return found;
  }

  /** The names of the variables {@code root} depends on, in creation order. */
  static Set<String> variables(Node root) {
    Set<String> names = new LinkedHashSet<>();
    for (Node node : below(root)) {
      if (node.isVariable()) {
        names.add(node.name());
      }
    }
    return names;
  }

  /** The value of a node without variables. */
  static double evaluate(Node root) {
    Map<Node, Double> values = new HashMap<>();
    for (Node node : below(root)) {
      values.put(node, switch (node.op().arity()) {
        case 0 -> node.value();
        case 1 -> node.op().apply(values.get(node.input(0)));
        default -> node.op().apply(values.get(node.input(0)), values.get(node.input(1)));
      });
    }
    return values.get(root);
  }
}
