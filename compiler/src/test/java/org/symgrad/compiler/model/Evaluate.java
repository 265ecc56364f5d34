package org.symgrad.compiler.model;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symgrad.compiler.graph.Node;

/** A node's value with its variables bound, for tests; iterative, so deep graphs are fine. */
public final class Evaluate {
  private Evaluate() {}

  public static double at(Node root, Map<String, Double> variables) {
    Set<Node> seen = new HashSet<>();
    Deque<Node> stack = new ArrayDeque<>(List.of(root));
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      if (seen.add(node)) {
        node.inputs().forEach(stack::push);
      }
    }
    Map<Node, Double> values = new HashMap<>();
    seen.stream().sorted(Comparator.comparingInt(Node::id)).forEach(node -> {
      double value = switch (node.op()) {
        case CONST -> node.value();
        case VAR -> {
          Double bound = variables.get(node.name());
          if (bound == null) {
            throw new IllegalArgumentException("unbound variable " + node.name());
          }
          yield bound;
        }
        default -> node.op().arity() == 1
            ? node.op().apply(values.get(node.input(0)))
            : node.op().apply(values.get(node.input(0)), values.get(node.input(1)));
      };
      values.put(node, value);
    });
    return values.get(root);
  }
}
