package org.symgrad.runtime.optim;

import java.util.Arrays;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} at each milestone epoch: {@code
 * torch.optim.lr_scheduler.MultiStepLR}. A milestone listed twice multiplies by {@code
 * gamma ** 2} there, as torch's {@code Counter} of milestones does.
 */
public final class MultiStepLR extends BaseScheduler {
  private final int[] milestones;
  private final double gamma;

  public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
    super("MultiStepLR", optimizer);
    this.milestones = milestones.clone();
    this.gamma = Check.factor(gamma, "MultiStepLR", "gamma");
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    int count = (int) Arrays.stream(milestones).filter(m -> m == lastEpoch).count();
    if (count > 0) {
      optimizer.setLearningRate(optimizer.learningRate() * Math.pow(gamma, count));
    }
  }
}
