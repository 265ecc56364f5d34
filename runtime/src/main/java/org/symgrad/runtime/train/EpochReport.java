package org.symgrad.runtime.train;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What one epoch did, as a listener sees it. Immutable: keeping a report is safe.
 *
 * <p>A report is made only when a listener is registered, so a fit without listeners
 * allocates nothing per epoch.
 */
public final class EpochReport {
  private final int epoch;
  private final int lastEpoch;
  private final double trainLoss;
  private final @Nullable Double valLoss;
  private final double learningRate;
  private final boolean logEpoch;
  private final double @Nullable [] params; // null unless TrainerOptions.reportParameters()

  EpochReport(int epoch, int lastEpoch, double trainLoss, @Nullable Double valLoss,
      double learningRate, boolean logEpoch, double @Nullable [] params) {
    this.epoch = epoch;
    this.lastEpoch = lastEpoch;
    this.trainLoss = trainLoss;
    this.valLoss = valLoss;
    this.learningRate = learningRate;
    this.logEpoch = logEpoch;
    this.params = params;
  }

  /** The epoch's 1-based number; a resumed fit goes on counting from its checkpoint. */
  public int epoch() {
    return epoch;
  }

  /**
   * The last epoch this fit will run as far as is known now: the requested last epoch, or
   * this one when the fit stops early after it. (A divergence cannot be foreseen.)
   */
  public int lastEpoch() {
    return lastEpoch;
  }

  /** Whether this is the fit's last epoch, as far as is known now. */
  public boolean isLast() {
    return epoch == lastEpoch;
  }

  /** The training loss the epoch's update was computed from (see {@link History}). */
  public double trainLoss() {
    return trainLoss;
  }

  /** The validation loss after the epoch's update, or null without a validation set. */
  public @Nullable Double valLoss() {
    return valLoss;
  }

  /** The learning rate the epoch's update used (before the scheduler's step). */
  public double learningRate() {
    return learningRate;
  }

  /**
   * Whether the book would print this epoch: epochs 1, 2 and 3, every {@code logEvery}-th
   * and the last.
   */
  public boolean isLogEpoch() {
    return logEpoch;
  }

  /**
   * The book's log line: {@code Epoch 500, Training loss 7.860116, Validation loss 3.828538},
   * without the validation part when there is no validation set.
   */
  public String logLine() {
    String line = String.format(Locale.ROOT, "Epoch %d, Training loss %f", epoch, trainLoss);
    return valLoss == null ? line
        : line + String.format(Locale.ROOT, ", Validation loss %f", valLoss);
  }

  /** Whether {@link #params()} is available. */
  public boolean hasParams() {
    return params != null;
  }

  /**
   * The parameters after the epoch's update (a copy).
   *
   * @throws IllegalStateException unless the trainer was asked to report them
   */
  public double[] params() {
    if (params == null) {
      throw new IllegalStateException(
          "epoch reports carry no parameters unless TrainerOptions.Builder.reportParameters(true)"
              + " asks for them");
    }
    return params.clone();
  }

  @Override
  public String toString() {
    return logLine() + ", lr " + learningRate;
  }
}
