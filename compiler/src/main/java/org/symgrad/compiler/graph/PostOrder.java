package org.symgrad.compiler.graph;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.function.Function;

/**
 * A value for each node of a DAG, each computed once and after its inputs', without
 * recursion: a graph of any depth costs heap, not stack.
 */
final class PostOrder {
  private PostOrder() {}

  /**
   * Puts into {@code values} the value of every node below {@code roots} that it lacks, made by
   * {@code compute} once the node's inputs have theirs in {@code values}.
   */
  static <T> void fill(Collection<Node> roots, Map<Node, T> values, Function<Node, T> compute) {
    Deque<Node> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      Node node = pending.peek();
      if (values.containsKey(node)) {
        pending.pop();
        continue;
      }
      boolean ready = true;
      for (Node input : node.inputs()) {
        if (!values.containsKey(input)) {
          pending.push(input);
          ready = false;
        }
      }
      if (ready) {
        pending.pop();
        values.put(node, compute.apply(node));
      }
    }
  }
}
