package org.symgrad.runtime.train;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a fit produced: the parameters, their losses, why it stopped, its history and a
 * checkpoint to go on from. Immutable; the parameters are copied in and out.
 *
 * <p>Absent values are nulls ({@link #valLoss()}, {@link #bestEpoch()}, {@link
 * #divergence()}), which Kotlin reads as {@code Double?} and friends ({@code result.valLoss ?:
 * …}) and which map straight onto the {@code null} of {@code symgrad fit --json}.
 */
public final class TrainingResult {
  private final double[] params;
  private final double trainLoss;
  private final @Nullable Double valLoss;
  private final int epochs;
  private final StopReason stopReason;
  private final @Nullable Divergence divergence;
  private final @Nullable Integer bestEpoch;
  private final History history;
  private final TrainingCheckpoint checkpoint;

  TrainingResult(double[] params, double trainLoss, Double valLoss, int epochs,
      StopReason stopReason, Divergence divergence, Integer bestEpoch, History history,
      TrainingCheckpoint checkpoint) {
    if ((stopReason == StopReason.DIVERGED) != (divergence != null)) {
      throw new IllegalArgumentException(stopReason + " with divergence " + divergence);
    }
    this.params = params.clone();
    this.trainLoss = trainLoss;
    this.valLoss = valLoss;
    this.epochs = epochs;
    this.stopReason = Objects.requireNonNull(stopReason, "stopReason");
    this.divergence = divergence;
    this.bestEpoch = bestEpoch;
    this.history = Objects.requireNonNull(history, "history");
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /**
   * The fitted parameters (a copy): the last epoch's, the best epoch's after early stopping,
   * or, after a divergence, those the diverging epoch started from.
   */
  public double[] params() {
    return params.clone();
  }

  /** The loss over all training rows at {@link #params()}, without input noise. */
  public double trainLoss() {
    return trainLoss;
  }

  /** The loss over the validation rows at {@link #params()}, or null without them. */
  public @Nullable Double valLoss() {
    return valLoss;
  }

  /**
   * The number of epochs whose update was applied, counting those before a resumed
   * checkpoint. After early stopping it includes the epochs past the best one, whose updates
   * were applied and then undone by restoring the best parameters.
   */
  public int epochs() {
    return epochs;
  }

  /** Why the fit ended. */
  public StopReason stopReason() {
    return stopReason;
  }

  /** Where and how the training loss became non-finite; null unless {@link StopReason#DIVERGED}. */
  public @Nullable Divergence divergence() {
    return divergence;
  }

  /**
   * The epoch after which the validation loss was lowest (the first, if tied), 0 when no
   * validation loss beat the starting parameters' infinity (none was finite), or null
   * without a validation set.
   */
  public @Nullable Integer bestEpoch() {
    return bestEpoch;
  }

  /** The losses of each epoch of this fit. */
  public History history() {
    return history;
  }

  /** The state to {@link Trainer#resume} from, to train on exactly as if never stopped. */
  public TrainingCheckpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public String toString() {
    return "TrainingResult[" + stopReason.label() + " after " + epochs + " epochs, params "
        + Arrays.toString(params) + ", train loss " + trainLoss + ", val loss " + valLoss
        + (divergence == null ? "" : ", " + divergence) + "]";
  }
}
