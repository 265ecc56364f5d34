package org.symgrad.runtime.train;

import java.util.Map;
import org.symgrad.runtime.optim.Objective;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerState;

/** {@code torch.optim.Adam} with default betas and eps, written out for resume tests. */
final class AdamDouble implements Optimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private double lr;
  private final double[] m;
  private final double[] v;
  private int step;

  AdamDouble(double lr, int size) {
    this.lr = lr;
    this.m = new double[size];
    this.v = new double[size];
  }

  @Override
  public String name() {
    return "Adam";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    step++;
    double correction1 = 1 - Math.pow(BETA1, step);
    double correction2 = 1 - Math.pow(BETA2, step);
    for (int i = 0; i < params.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
      double denominator = Math.sqrt(v[i]) / Math.sqrt(correction2) + EPS;
      params[i] -= lr / correction1 * m[i] / denominator;
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
    return new OptimizerState("Adam", Map.of("exp_avg", m, "exp_avg_sq", v),
        Map.of("lr", lr, "step", (double) step));
  }

  @Override
  public void restore(OptimizerState state) {
    if (!state.optimizer().equals("Adam")) {
      throw new IllegalArgumentException("not an Adam state: " + state.optimizer());
    }
    System.arraycopy(state.array("exp_avg"), 0, m, 0, m.length);
    System.arraycopy(state.array("exp_avg_sq"), 0, v, 0, v.length);
    lr = state.scalar("lr");
    step = (int) state.scalar("step");
  }
}
