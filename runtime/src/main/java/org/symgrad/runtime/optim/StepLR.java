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
public final class StepLR implements LrScheduler {
  private final Optimizer optimizer;
  private final int stepSize;
  private final double gamma;
  // torch's constructor makes epoch 0, which leaves the lr as it is; steps count from 1.
  private int lastEpoch = 0;

  public StepLR(Optimizer optimizer, int stepSize, double gamma) {
    this.optimizer = SchedulerState.require(optimizer);
    // torch would fail with a division by zero at the first step.
    this.stepSize = Check.positive(stepSize, "StepLR", "step_size");
    this.gamma = gamma;
  }

  @Override
  public String name() {
    return "StepLR";
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    if (lastEpoch % stepSize == 0) {
      optimizer.setLearningRate(optimizer.learningRate() * gamma);
    }
  }

  @Override
  public Map<String, Double> state() {
    return Map.of("last_epoch", (double) lastEpoch);
  }

  @Override
  public void restore(Map<String, Double> state) {
    lastEpoch = (int) SchedulerState.read(state, name(), "last_epoch");
  }
}
