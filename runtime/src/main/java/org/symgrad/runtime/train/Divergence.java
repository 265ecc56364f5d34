package org.symgrad.runtime.train;

import org.jspecify.annotations.Nullable;

/**
 * Where a fit diverged: enough for the message a user needs ("the loss became Infinity at
 * epoch 12; the last finite loss was 3.1e+151: try a lower learning rate", or "the gradient of
 * w[2] became NaN at epoch 7").
 *
 * @param epoch the 1-based epoch whose loss or gradient was not finite; its update was not
 *     applied
 * @param loss the epoch's training loss: NaN or ±infinity when the loss diverged; finite when
 *     only the gradient did
 * @param lastFiniteLoss the training loss of the epoch before, or null when no epoch before
 *     it was run (the starting parameters already gave a non-finite loss or gradient)
 * @param parameter the parameter element whose gradient was not finite ({@code "w"}, {@code
 *     "W[1,2]"}), the first in the parameter array; null when the loss itself diverged
 * @param gradient that gradient value (NaN or ±infinity); NaN when {@code parameter} is null
 */
public record Divergence(int epoch, double loss, @Nullable Double lastFiniteLoss,
    @Nullable String parameter, double gradient) {

  /** A divergence of the loss itself. */
  public Divergence(int epoch, double loss, @Nullable Double lastFiniteLoss) {
    this(epoch, loss, lastFiniteLoss, null, Double.NaN);
  }

  /** Whether the loss stayed finite and only a gradient did not. */
  public boolean isGradient() {
    return parameter != null;
  }

  /** {@code the training loss became NaN} or {@code the gradient of w[2] became Infinity}. */
  public String what() {
    return parameter == null ? "the training loss became " + loss
        : "the gradient of " + parameter + " became " + gradient + " (the loss, " + loss
            + ", was finite)";
  }
}
