package org.symgrad.spark;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.train.Divergence;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingResult;

/**
 * What one fit came to, as a result row shows it: a finished fit, a diverged one (its
 * parameters, and the divergence as its error), or one that could not run (its error alone).
 *
 * @param params the fitted parameters, or null when the fit could not run
 * @param stopped {@code completed}, {@code early_stopping}, {@code converged}, {@code
 *     diverged} as {@code symgrad fit --json} spells them, or {@code failed}
 * @param error why the fit failed or diverged, or null
 */
record FitOutcome(
    double @Nullable [] params,
    @Nullable Double trainLoss,
    @Nullable Double valLoss,
    @Nullable Integer epochs,
    String stopped,
    @Nullable String error) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The label of a fit that could not run. */
  static final String FAILED = "failed";

  static FitOutcome of(TrainingResult result) {
    return new FitOutcome(result.params(), result.trainLoss(), result.valLoss(),
        result.epochs(), result.stopReason().label(),
        result.stopReason() == StopReason.DIVERGED ? diverged(result.divergence()) : null);
  }

  static FitOutcome failed(String message) {
    return new FitOutcome(null, null, null, null, FAILED, message);
  }

  /** The CLI's divergence message, without its advice on flags. */
  static String diverged(Divergence divergence) {
    return "training diverged at epoch " + divergence.epoch() + ": the training loss became "
        + divergence.loss() + (divergence.lastFiniteLoss() == null
            ? " at the starting parameters"
            : " (last finite loss " + divergence.lastFiniteLoss() + " at epoch "
                + (divergence.epoch() - 1) + ")")
        + "; the parameters are those before that epoch";
  }
}
