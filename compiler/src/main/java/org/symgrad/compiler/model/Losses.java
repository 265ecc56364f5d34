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
 * </pre>
 *
 * <p>The huber form equals torch's {@code 0.5 d^2} below delta and {@code delta (|d| - delta/2)}
 * above it, and so does its gradient, at {@code |d| = delta} too: there {@code min} splits
 * the gradient equally between its tied inputs, {@code 0.5 delta + 0.5 delta = delta}.
 */
public final class Losses {
  /** The names a {@code loss} line may use, as written there. */
  public static final List<String> NAMES = List.of("mse", "mae", "huber(delta)", "bce_logits");

  private Losses() {}

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
}
