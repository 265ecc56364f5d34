package org.symgrad.compiler.api;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.model.Losses;

/**
 * The loss of a model, as a model file's {@code loss} line has it: one of the named losses of
 * {@link Losses}, or an expression in {@code pred} and {@code target}. The per-row loss is
 * averaged over the batch by the kernel.
 *
 * <p>Immutable. {@link #text()} is the loss as a model file would write it.
 */
public final class Loss {
  /** {@code (pred - target)^2}, as {@code torch.nn.MSELoss}; the default. */
  public static final Loss MSE = named("mse", "mse", 0.0);

  /** {@code abs(pred - target)}, as {@code torch.nn.L1Loss}. */
  public static final Loss MAE = named("mae", "mae", 0.0);

  /** {@code softplus(pred) - pred * target}, as {@code torch.nn.BCEWithLogitsLoss}. */
  public static final Loss BCE_LOGITS = named("bce_logits", "bce_logits", 0.0);

  /**
   * {@code cross_entropy}: class scores against a class label 0…K-1, as {@code
   * torch.nn.CrossEntropyLoss}, with a stable log-sum-exp; for a vector prediction, {@link
   * ModelBuilder#predict(String, Index, Expr)}.
   */
  public static final Loss CROSS_ENTROPY =
      named("cross_entropy", "cross_entropy", 0.0);

  // The word of a named loss's line ("huber"), written by model.Losses as the parser writes
  // it; null for a custom loss, an expression.
  private final @Nullable String name;
  private final String text;
  private final double delta; // huber's
  private final @Nullable Expr custom;

  private Loss(@Nullable String name, String text, double delta, @Nullable Expr custom) {
    this.name = name;
    this.text = text;
    this.delta = delta;
    this.custom = custom;
  }

  private static Loss named(String name, String text, double delta) {
    return new Loss(name, text, delta, null);
  }

  /**
   * Quadratic below {@code delta} and linear above, as {@code torch.nn.HuberLoss}.
   *
   * @throws IllegalArgumentException unless delta is positive and finite
   */
  public static Loss huber(double delta) {
    if (!(delta > 0 && delta < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("huber needs a positive finite delta, got " + delta);
    }
    return named("huber", "huber(" + ExpressionPrinter.number(delta) + ")", delta);
  }

  /**
   * The loss {@code function} returns for the prediction and the target, which it is handed as
   * expressions; it is called once, here.
   *
   * @throws IllegalArgumentException when the loss does not use the prediction, or uses a
   *     variable: as in a model file, a loss compares the prediction with the target, and
   *     terms in parameters belong in the penalty
   */
  public static Loss custom(LossFunction function) {
    Expr loss = Objects.requireNonNull(
        function.loss(Expr.PREDICTION, Expr.TARGET), "the loss function returned null");
    boolean[] usesPrediction = {false};
    Graph scratch = new Graph(); // only to visit every leaf
    TensorWriter.writeScalar(scratch, loss, leaf -> {
      if (leaf.kind() != Expr.Kind.PREDICTION && leaf.kind() != Expr.Kind.TARGET) {
        throw new IllegalArgumentException("a loss can use only pred and target, but '"
            + loss + "' uses '" + (leaf.kind() == Expr.Kind.SUM ? leaf : leaf.name())
            + "'; write terms in parameters in the penalty");
      }
      usesPrediction[0] |= leaf.kind() == Expr.Kind.PREDICTION;
      return scratch.variable(leaf.name());
    }, Map.of());
    if (!usesPrediction[0]) {
      throw new IllegalArgumentException("the loss '" + loss + "' does not use pred: a loss"
          + " compares the prediction with the target");
    }
    return new Loss(null, loss.toString(), 0.0, loss);
  }

  /** The loss as a model file writes it: {@code mse}, {@code huber(1.5)}, {@code abs(pred)}. */
  public String text() {
    return text;
  }

  /** The word of a named loss's line ({@code "huber"}), or null for an expression. */
  @Nullable String name() {
    return name;
  }

  /** Huber's delta. */
  double delta() {
    return delta;
  }

  /** The expression in {@code pred} and {@code target} of a custom loss, or null. */
  @Nullable Expr custom() {
    return custom;
  }

  @Override
  public String toString() {
    return text;
  }
}
