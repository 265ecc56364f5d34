package org.symgrad.runtime.train;

import org.jspecify.annotations.Nullable;

/**
 * Where a fit diverged: enough for the message a user needs ("the loss became Infinity at
 * epoch 12; the last finite loss was 3.1e+151: try a lower learning rate").
 *
 * @param epoch the 1-based epoch whose training loss was not finite; its update was not
 *     applied
 * @param loss that non-finite loss: NaN, or ±infinity
 * @param lastFiniteLoss the training loss of the epoch before, or null when no epoch before
 *     it was run (the starting parameters already gave a non-finite loss)
 */
public record Divergence(int epoch, double loss, @Nullable Double lastFiniteLoss) {}
