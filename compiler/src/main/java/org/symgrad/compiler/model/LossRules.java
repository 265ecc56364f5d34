package org.symgrad.compiler.model;

import org.jspecify.annotations.Nullable;

/**
 * Which loss fits which prediction: the one rule that a model file's loss line and the
 * builder's {@code loss(...)} both apply, each wording its own message. A model of one output
 * takes any loss of one prediction, mse by default; a vector of outputs (class scores) takes
 * cross_entropy, or an expression over its elements, and has no default.
 */
public final class LossRules {

  /** What a loss compares the target with. */
  public enum Takes {
    /** No loss written: mse for one output. */
    DEFAULT,
    /** One prediction: mse, mae, huber, bce_logits, a builder's loss function. */
    ONE_PREDICTION,
    /** Two or more class scores: cross_entropy. */
    CLASS_SCORES,
    /** Whatever a model file's loss expression indexes: {@code pred} or {@code pred[k]}. */
    EXPRESSION
  }

  /** Why a loss does not fit the prediction. */
  public enum Misfit {
    /** A vector of outputs with no loss written. */
    NEEDS_A_LOSS,
    /** cross_entropy on one output, not a vector. */
    NEEDS_CLASS_SCORES,
    /** cross_entropy on a vector of one output. */
    NEEDS_TWO_CLASSES,
    /** A loss of one prediction on a vector of outputs. */
    NEEDS_ONE_PREDICTION
  }

  private LossRules() {}

  /** What the named loss ({@code mse}, {@code cross_entropy}, …) takes. */
  public static Takes takes(String lossName) {
    return lossName.equals("cross_entropy") ? Takes.CLASS_SCORES : Takes.ONE_PREDICTION;
  }

  /**
   * Why {@code loss} does not fit a prediction of {@code outputs} outputs, or null when it does.
   *
   * @param vector whether the prediction is a vector ({@code model out[k] = …}), even of one
   */
  public static @Nullable Misfit misfit(Takes loss, boolean vector, int outputs) {
    return switch (loss) {
      case EXPRESSION -> null;
      case DEFAULT -> vector ? Misfit.NEEDS_A_LOSS : null;
      case ONE_PREDICTION -> vector ? Misfit.NEEDS_ONE_PREDICTION : null;
      case CLASS_SCORES -> !vector ? Misfit.NEEDS_CLASS_SCORES
          : outputs < 2 ? Misfit.NEEDS_TWO_CLASSES : null;
    };
  }
}
