package org.symgrad.runtime.optim;

import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} every {@code step_size} epochs: {@code
 * torch.optim.lr_scheduler.StepLR}.
 *
 * <p>As torch's chainable form: at epochs that are multiples of {@code step_size} the current
 * lr is multiplied by {@code gamma} ({@code 0.1 * 0.1 * 0.1}, not {@code 0.1 ** 3}, which
 * differs in the last bit).
 */
public final class StepLR extends BaseScheduler {
  private final int stepSize;
  private final double gamma;

  public StepLR(Optimizer optimizer, int stepSize, double gamma) {
    super("StepLR", optimizer);
    // torch would fail with a division by zero at the first step.
    this.stepSize = Check.positive(stepSize, "StepLR", "step_size");
    this.gamma = Check.factor(gamma, "StepLR", "gamma");
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    if (lastEpoch % stepSize == 0) {
      optimizer.setLearningRate(optimizer.learningRate() * gamma);
    }
  }
}
