package org.symgrad.compiler.model;

import java.util.List;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/**
 * The per-sample losses a model can name, built from primitive ops so that their derivatives
 * come from the ops' rules. Each takes the prediction node {@code p} and the target variable
 * {@code t}; the mean over the batch is taken by the kernel, not here.
 *
 * <pre>
 * mse          (p - t)^2                                    torch.nn.MSELoss
 * mae          abs(p - t)                                   torch.nn.L1Loss
 * huber(delta) a = abs(p - t), m = min(a, delta):
 *              0.5 * m^2 + delta * (a - m)                  torch.nn.HuberLoss
 * bce_logits   softplus(p) - p * t                          torch.nn.BCEWithLogitsLoss
 * cross_entropy  over outputs o[0..K-1] and a class t in 0..K-1, m = max(o[0], …, o[K-1]):
 *              m + log(sum(k, exp(o[k] - m))) - sum(k, eq(t, k) * o[k])
 *                                                           torch.nn.CrossEntropyLoss
 * </pre>
 *
 * <p>The huber form equals torch's {@code 0.5 d^2} below delta and {@code delta (|d| - delta/2)}
 * above it, and so does its gradient, at {@code |d| = delta} too: there {@code min} splits
 * the gradient equally between its tied inputs, {@code 0.5 delta + 0.5 delta = delta}.
 */
public final class Losses {
  /** The names a {@code loss} line may use, as written there. */
  public static final List<String> NAMES =
      List.of("mse", "mae", "huber(delta)", "bce_logits", "cross_entropy");

  private Losses() {}

  /**
   * The loss a loss line names, as both front ends write it: {@code name} is the word of the
   * line ({@code "mse"}, {@code "huber"}, {@code "cross_entropy"}), {@code delta} huber's
   * argument (ignored by the others). cross_entropy takes every output, the others the one
   * prediction, {@code outputs.get(0)}; which loss fits which prediction is {@link
   * LossRules}', checked before.
   *
   * @throws IllegalArgumentException for a name that is no named loss
   */
  public static Node named(Graph graph, String name, List<Node> outputs, Node target,
      double delta) {
    Node prediction = outputs.get(0);
    return switch (name) {
      case "mse" -> mse(graph, prediction, target);
      case "mae" -> mae(graph, prediction, target);
      case "huber" -> huber(graph, prediction, target, delta);
      case "bce_logits" -> bceWithLogits(graph, prediction, target);
      case "cross_entropy" -> crossEntropy(graph, outputs, target);
      default -> throw new IllegalArgumentException("no named loss '" + name + "'; "
          + String.join(", ", NAMES));
    };
  }

  /** {@code (p - t)^2}. */
  public static Node mse(Graph graph, Node prediction, Node target) {
    return graph.pow(graph.sub(prediction, target), graph.constant(2));
  }

  /** {@code abs(p - t)}. */
  public static Node mae(Graph graph, Node prediction, Node target) {
    return graph.apply(Op.ABS, graph.sub(prediction, target));
  }

  /**
   * {@code 0.5 * m^2 + delta * (a - m)} with {@code a = abs(p - t)}, {@code m = min(a, delta)}.
   *
   * @throws IllegalArgumentException unless {@code delta} is positive and finite
   */
  public static Node huber(Graph graph, Node prediction, Node target, double delta) {
    if (!(delta > 0 && delta < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("huber needs a positive finite delta, got " + delta);
    }
    Node a = graph.apply(Op.ABS, graph.sub(prediction, target));
    Node d = graph.constant(delta);
    Node m = graph.apply(Op.MIN, a, d);
    return graph.add(
        graph.mul(graph.constant(0.5), graph.pow(m, graph.constant(2))),
        graph.mul(d, graph.sub(a, m)));
  }

  /** {@code softplus(p) - p * t}: binary cross-entropy on a logit p and a label t in [0, 1]. */
  public static Node bceWithLogits(Graph graph, Node prediction, Node target) {
    return graph.sub(graph.apply(Op.SOFTPLUS, prediction), graph.mul(prediction, target));
  }

  /**
   * {@code m + log(sum(k, exp(o[k] - m))) - sum(k, eq(t, k) * o[k])}: the cross-entropy of
   * the softmax of {@code outputs} (the logits) against the class {@code t}, an integer in
   * {@code 0..K-1}.
   *
   * <p>Subtracting the largest logit {@code m} keeps every exponent at or below 0, so nothing
   * overflows at logits of 1e3 or 1e300, and the sum is at least 1, so the log is finite. The
   * gradient, {@code softmax(o)[k] - eq(t, k)}, comes from the ops' rules; the part that flows
   * through {@code m} is {@code 1 - sum(softmax)}, zero up to rounding, as it must be. {@code
   * eq} selects the target's logit without branching, and has derivative 0.
   *
   * @throws IllegalArgumentException for fewer than two outputs
   */
  public static Node crossEntropy(Graph graph, List<Node> outputs, Node target) {
    if (outputs.size() < 2) {
      throw new IllegalArgumentException("cross_entropy needs 2 or more classes, got "
          + outputs.size());
    }
    Node max = outputs.get(0);
    for (int k = 1; k < outputs.size(); k++) {
      max = graph.apply(Op.MAX, max, outputs.get(k));
    }
    Node sum = null;
    Node picked = null;
    for (int k = 0; k < outputs.size(); k++) {
      Node term = graph.apply(Op.EXP, graph.sub(outputs.get(k), max));
      sum = sum == null ? term : graph.add(sum, term);
      Node chosen = graph.mul(graph.apply(Op.EQ, target, graph.constant(k)), outputs.get(k));
      picked = picked == null ? chosen : graph.add(picked, chosen);
    }
    return graph.sub(graph.add(max, graph.apply(Op.LOG, sum)), picked);
  }
}
