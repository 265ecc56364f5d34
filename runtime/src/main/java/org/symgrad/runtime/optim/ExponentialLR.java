package org.symgrad.runtime.optim;

import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} every epoch: {@code
 * torch.optim.lr_scheduler.ExponentialLR}, in its chainable form (repeated products, not
 * {@code gamma ** epoch}).
 */
public final class ExponentialLR extends BaseScheduler {
  private final double gamma;

  public ExponentialLR(Optimizer optimizer, double gamma) {
    super("ExponentialLR", optimizer);
    this.gamma = Check.factor(gamma, "ExponentialLR", "gamma");
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    optimizer.setLearningRate(optimizer.learningRate() * gamma);
  }
}
