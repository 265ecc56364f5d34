package org.symgrad.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when the watched metric has not improved for
 * more than {@code patience} epochs: {@code torch.optim.lr_scheduler.ReduceLROnPlateau}.
 *
 * <p>Improvement means, with {@code mode} and {@code threshold_mode}: min/rel {@code a < best *
 * (1 - threshold)}, min/abs {@code a < best - threshold}, max/rel {@code a > best * (threshold
 * + 1)}, max/abs {@code a > best + threshold}. After a reduction, {@code cooldown} epochs pass
 * in which bad epochs are not counted. The lr never goes below {@code min_lr}, and a reduction
 * smaller than {@code eps} is skipped.
 */
public final class ReduceLROnPlateau extends BaseScheduler {
  private final boolean maximize;
  private final double factor;
  private final int patience;
  private final double threshold;
  private final boolean relative;
  private final int cooldown;
  private final double minLr;
  private final double eps;

  private double best;
  private int numBadEpochs;
  private int cooldownCounter;

  /** Arguments as torch's; {@code mode} is "min" or "max", {@code thresholdMode} "rel" or "abs". */
  public ReduceLROnPlateau(
      Optimizer optimizer,
      String mode,
      double factor,
      int patience,
      double threshold,
      String thresholdMode,
      int cooldown,
      double minLr,
      double eps) {
    super("ReduceLROnPlateau", optimizer);
    if (!(factor < 1.0)) { // NaN too, which would skip every reduction without a word
      throw new IllegalArgumentException("Factor should be < 1.0.");
    }
    if (!mode.equals("min") && !mode.equals("max")) {
      throw new IllegalArgumentException("mode " + mode + " is unknown!");
    }
    if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
      throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
    }
    this.maximize = mode.equals("max");
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.relative = thresholdMode.equals("rel");
    this.cooldown = cooldown;
    this.minLr = minLr;
    this.eps = eps;
    this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    counters.add("best", () -> best, value -> best = value);
    counters.add("num_bad_epochs", () -> numBadEpochs, value -> numBadEpochs = (int) value);
    counters.add("cooldown_counter", () -> cooldownCounter, value -> cooldownCounter = (int) value);
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    if (isBetter(metric)) {
      best = metric;
      numBadEpochs = 0;
    } else {
      numBadEpochs++;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      numBadEpochs = 0; // bad epochs in cooldown do not count
    }
    if (numBadEpochs > patience) {
      reduceLearningRate();
      cooldownCounter = cooldown;
      numBadEpochs = 0;
    }
  }

  private boolean isBetter(double a) {
    if (!maximize) {
      return relative ? a < best * (1. - threshold) : a < best - threshold;
    }
    return relative ? a > best * (threshold + 1.) : a > best + threshold;
  }

  private void reduceLearningRate() {
    double oldLr = optimizer.learningRate();
    double newLr = Vectors.pyMax(oldLr * factor, minLr);
    if (oldLr - newLr > eps) {
      optimizer.setLearningRate(newLr);
    }
  }
}
