package org.symgrad.runtime.train;

import java.util.Map;
import org.symgrad.runtime.optim.Objective;
import org.symgrad.runtime.optim.OptimizerState;

/** {@code torch.optim.SGD} without momentum: {@code p -= lr * g}. */
final class PlainSgd implements org.symgrad.runtime.optim.Optimizer {
  private double lr;

  PlainSgd(double lr) {
    this.lr = lr;
  }

  @Override
  public String name() {
    return "SGD";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    for (int i = 0; i < params.length; i++) {
      params[i] -= lr * grad[i];
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    this.lr = lr;
  }

  @Override
  public OptimizerState state() {
    return new OptimizerState("SGD", Map.of(), Map.of("lr", lr));
  }

  @Override
  public void restore(OptimizerState state) {
    lr = state.scalar("lr");
  }
}
