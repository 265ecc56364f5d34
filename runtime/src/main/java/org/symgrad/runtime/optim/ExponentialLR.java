package org.symgrad.runtime.optim;

import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} every epoch: {@code
 * torch.optim.lr_scheduler.ExponentialLR}, in its chainable form (repeated products, not
 * {@code gamma ** epoch}).
 */
public final class ExponentialLR implements LrScheduler {
  private final Optimizer optimizer;
  private final double gamma;
  private int lastEpoch = 0;

  public ExponentialLR(Optimizer optimizer, double gamma) {
    this.optimizer = SchedulerState.require(optimizer);
    this.gamma = gamma;
  }

  @Override
  public String name() {
    return "ExponentialLR";
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    optimizer.setLearningRate(optimizer.learningRate() * gamma);
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
