package org.symgrad.runtime.train;

import java.util.Map;
import org.symgrad.runtime.optim.Objective;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerState;

/**
 * {@code torch.optim.SGD(momentum=m)}: {@code buf = g} on the first step, then {@code buf =
 * m * buf + g}; {@code p -= lr * buf}. Its buffer is state a resume must carry.
 */
final class MomentumSgd implements Optimizer {
  private double lr;
  private final double momentum;
  private final double[] buffer;
  private boolean started;

  MomentumSgd(double lr, double momentum, int size) {
    this.lr = lr;
    this.momentum = momentum;
    this.buffer = new double[size];
  }

  @Override
  public String name() {
    return "SGD";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    for (int i = 0; i < params.length; i++) {
      buffer[i] = started ? momentum * buffer[i] + grad[i] : grad[i];
      params[i] -= lr * buffer[i];
    }
    started = true;
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
    return new OptimizerState("SGD", Map.of("momentum_buffer", buffer),
        Map.of("lr", lr, "started", started ? 1.0 : 0.0));
  }

  @Override
  public void restore(OptimizerState state) {
    if (!state.optimizer().equals("SGD")) {
      throw new IllegalArgumentException("not an SGD state: " + state.optimizer());
    }
    System.arraycopy(state.array("momentum_buffer"), 0, buffer, 0, buffer.length);
    lr = state.scalar("lr");
    started = state.scalar("started") != 0;
  }
}
