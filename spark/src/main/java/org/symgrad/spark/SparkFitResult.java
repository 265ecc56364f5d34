package org.symgrad.spark;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.train.Divergence;
import org.symgrad.runtime.train.StopReason;

/**
 * What a data-parallel fit produced, as {@code TrainingResult} says it for a single-JVM fit:
 * the parameters (the best ones after early stopping, those before the diverging epoch after
 * a divergence), the losses at them, the epochs whose update was applied, and why it stopped.
 */
public record SparkFitResult(
    double[] params,
    double trainLoss,
    @Nullable Double valLoss,
    int epochs,
    StopReason stopReason,
    @Nullable Divergence divergence) {

  public SparkFitResult {
    params = params.clone();
  }

  @Override
  public double[] params() {
    return params.clone();
  }

  FitOutcome outcome() {
    return new FitOutcome(params, trainLoss, valLoss, epochs, stopReason.label(),
        divergence == null ? null : FitOutcome.diverged(divergence));
  }

  @Override
  public String toString() {
    return "SparkFitResult[" + stopReason.label() + " after " + epochs + " epochs, params "
        + Arrays.toString(params) + ", train loss " + trainLoss + ", val loss " + valLoss + "]";
  }
}
