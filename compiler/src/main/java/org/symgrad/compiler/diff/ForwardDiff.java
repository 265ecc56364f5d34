package org.symgrad.compiler.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * Forward-mode differentiation: one tangent sweep in topological order gives the directional
 * derivative of every root along a direction, {@code Σⱼ d root/d xⱼ · ẋⱼ}, without forming
 * any partial by itself. Applied to a simplified gradient it gives the Hessian times a vector.
 *
 * <p>It uses {@link Derivatives}' rules: they are linear in the seed, so the rule of input
 * {@code i} seeded with that input's tangent is its term of the node's tangent. A node whose
 * inputs have no tangent has none (an exact 0, never a 0 node times something). The results
 * are not simplified.
 */
public final class ForwardDiff {
  private ForwardDiff() {}

  /**
   * The tangent of each of {@code roots} when each variable in {@code seeds} moves along its
   * tangent ({@code w → v_w}) and every other variable stays; 0 where a root does not move.
   */
  public static List<Node> tangents(Graph g, List<Node> roots, Map<Node, Node> seeds) {
    Set<Node> nodes = new LinkedHashSet<>();
    roots.forEach(root -> nodes.addAll(ReverseDiff.reachable(root)));
    List<Node> order = new ArrayList<>(nodes);
    order.sort(Comparator.comparingInt(Node::id)); // interned: inputs come before users
    Map<Node, Node> tangent = new HashMap<>();
    for (Node node : order) {
      if (node.isVariable()) {
        Node seed = seeds.get(node);
        if (seed != null) {
          tangent.put(node, seed);
        }
        continue;
      }
      Node sum = null;
      for (int i = 0; i < node.inputs().size(); i++) {
        Node inputTangent = tangent.get(node.input(i));
        if (inputTangent != null) {
          Node term = Derivatives.of(g, node, inputTangent).get(i);
          sum = sum == null ? term : g.add(sum, term);
        }
      }
      if (sum != null) {
        tangent.put(node, sum);
      }
    }
    List<Node> result = new ArrayList<>();
    for (Node root : roots) {
      result.add(tangent.getOrDefault(root, g.constant(0)));
    }
    return result;
  }
}
