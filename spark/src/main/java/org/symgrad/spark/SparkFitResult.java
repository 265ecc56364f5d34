package org.symgrad.spark;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.optim.lsq.FitStatistics;
import org.symgrad.runtime.train.Divergence;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingCheckpoint;

/**
 * What a data-parallel fit produced, as {@code TrainingResult} says it for a single-JVM fit:
 * the parameters (the best ones after early stopping, those before the diverging epoch after
 * a divergence), the losses at them, the epochs whose update was applied, and why it stopped.
 *
 * @param statistics after a least-squares fit by {@code lm} or {@code newton}: standard
 *     errors, {@code rss}, {@code dof}; else null
 * @param error for {@code lm} and {@code newton}: why the fit could not start, or what could
 *     not be estimated; else null (a divergence says its own)
 * @param checkpoint what {@code --save} writes to go on from this fit exactly ({@code
 *     Trainer.resume}, {@code symgrad fit --init}); null for {@code lm} and {@code newton}
 */
public record SparkFitResult(
    double[] params,
    double trainLoss,
    @Nullable Double valLoss,
    int epochs,
    StopReason stopReason,
    @Nullable Divergence divergence,
    @Nullable FitStatistics statistics,
    @Nullable String error,
    @Nullable TrainingCheckpoint checkpoint) {

  public SparkFitResult {
    params = params.clone();
  }

  /** A result without statistics, message or checkpoint. */
  public SparkFitResult(double[] params, double trainLoss, @Nullable Double valLoss, int epochs,
      StopReason stopReason, @Nullable Divergence divergence) {
    this(params, trainLoss, valLoss, epochs, stopReason, divergence, null, null, null);
  }

  @Override
  public double[] params() {
    return params.clone();
  }

  FitOutcome outcome() {
    return new FitOutcome(params, trainLoss, valLoss, epochs, stopReason.label(),
        divergence == null ? error : FitOutcome.diverged(divergence),
        statistics == null ? null : FitOutcome.Statistics.of(statistics));
  }

  @Override
  public String toString() {
    return "SparkFitResult[" + stopReason.label() + " after " + epochs + " epochs, params "
        + Arrays.toString(params) + ", train loss " + trainLoss + ", val loss " + valLoss + "]";
  }
}
