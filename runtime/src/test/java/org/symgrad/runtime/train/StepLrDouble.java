package org.symgrad.runtime.train;

import java.util.Map;
import org.symgrad.runtime.optim.LrScheduler;
import org.symgrad.runtime.optim.Optimizer;

/** {@code StepLR(step_size, gamma)}: {@code lr = base_lr * gamma^(last_epoch // step_size)}. */
final class StepLrDouble implements LrScheduler {
  private final Optimizer optimizer;
  private final int stepSize;
  private final double gamma;
  private double baseLr;
  private int lastEpoch;

  StepLrDouble(Optimizer optimizer, int stepSize, double gamma) {
    this.optimizer = optimizer;
    this.stepSize = stepSize;
    this.gamma = gamma;
    this.baseLr = optimizer.learningRate();
  }

  @Override
  public String name() {
    return "StepLR";
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    optimizer.setLearningRate(baseLr * Math.pow(gamma, lastEpoch / stepSize));
  }

  @Override
  public Map<String, Double> state() {
    return Map.of("last_epoch", (double) lastEpoch, "base_lr", baseLr);
  }

  @Override
  public void restore(Map<String, Double> state) {
    lastEpoch = state.get("last_epoch").intValue();
    baseLr = state.get("base_lr");
  }
}
