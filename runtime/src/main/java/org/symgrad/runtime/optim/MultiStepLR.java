package org.symgrad.runtime.optim;

import java.util.Arrays;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} at each milestone epoch: {@code
 * torch.optim.lr_scheduler.MultiStepLR}. A milestone listed twice multiplies by {@code
 * gamma ** 2} there, as torch's {@code Counter} of milestones does.
 */
public final class MultiStepLR implements LrScheduler {
  private final Optimizer optimizer;
  private final int[] milestones;
  private final double gamma;
  private int lastEpoch = 0;

  public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
    this.optimizer = SchedulerState.require(optimizer);
    this.milestones = milestones.clone();
    this.gamma = gamma;
  }

  @Override
  public String name() {
    return "MultiStepLR";
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    int count = (int) Arrays.stream(milestones).filter(m -> m == lastEpoch).count();
    if (count > 0) {
      optimizer.setLearningRate(optimizer.learningRate() * Math.pow(gamma, count));
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
