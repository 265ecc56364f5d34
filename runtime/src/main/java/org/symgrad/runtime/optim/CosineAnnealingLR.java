package org.symgrad.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anneals the learning rate from its initial value to {@code eta_min} along half a cosine over
 * {@code T_max} epochs, then back up, periodically: {@code
 * torch.optim.lr_scheduler.CosineAnnealingLR}.
 *
 * <p>torch's recursive (chainable) form, so the sequence matches torch's bit for bit:
 *
 * <pre>
 * epoch 0:                              lr
 * (epoch - 1 - T_max) % (2 T_max) == 0: lr + (base_lr - eta_min) (1 - cos(pi / T_max)) / 2
 * otherwise:  (1 + cos(pi epoch / T_max)) / (1 + cos(pi (epoch - 1) / T_max))
 *             * (lr - eta_min) + eta_min
 * </pre>
 *
 * <p>torch's closed-form branch for a scheduler made with {@code last_epoch > 0} has no
 * counterpart: a resumed scheduler is restored from its {@link #state()} instead.
 */
public final class CosineAnnealingLR extends BaseScheduler {
  private final int tMax;
  private final double etaMin;
  /** torch's {@code initial_lr}: the lr when the scheduler was made. */
  private double baseLr;

  public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
    super("CosineAnnealingLR", optimizer);
    // torch would fail with a division by zero at the first step.
    this.tMax = Check.positive(tMax, "CosineAnnealingLR", "T_max");
    this.etaMin = Check.floor(etaMin, "CosineAnnealingLR", "eta_min");
    this.baseLr = optimizer.learningRate();
    counters.add("base_lr", () -> baseLr, value -> baseLr = value);
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    double lr = optimizer.learningRate();
    if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
      // Leaving the bottom of the cosine, where the ratio below would divide by ~0.
      lr = lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
    } else {
      lr =
          (1 + Math.cos(Math.PI * lastEpoch / tMax))
                  / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                  * (lr - etaMin)
              + etaMin;
    }
    optimizer.setLearningRate(lr);
  }
}
