package org.symgrad.compiler.architecture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds a cycle in a small directed graph of package names, by depth-first search. */
final class Cycles {
  private Cycles() {}

  /** One cycle, as the path that closes it ({@code [a, b, a]}), or empty when there is none. */
  static List<String> find(Map<String, Set<String>> graph) {
    Set<String> done = new HashSet<>();
    for (String start : new TreeSet<>(graph.keySet())) {
      List<String> cycle = visit(start, graph, new ArrayList<>(), done);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private static List<String> visit(String node, Map<String, Set<String>> graph,
      List<String> path, Set<String> done) {
    int at = path.indexOf(node);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(node);
      return cycle;
    }
    if (done.contains(node)) {
      return List.of();
    }
    path.add(node);
    for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
      List<String> cycle = visit(next, graph, path, done);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return List.of();
  }
}
