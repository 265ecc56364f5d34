package org.symgrad.runtime.optim;

import java.util.Arrays;

/**
 * Adagrad: {@code torch.optim.Adagrad}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Adagrad.html">torch's
 * algorithm</a>:
 *
 * <pre>
 * t = t + 1
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * clr = lr / (1 + (t - 1) * lr_decay)
 * sum = sum + g * g                         (sum starts at initial_accumulator_value)
 * p = p - clr * g / (sqrt(sum) + eps)
 * </pre>
 */
public final class Adagrad implements Optimizer {
  private final int size;
  private double lr;
  private final double lrDecay;
  private final double weightDecay;
  private final double eps;
  private final boolean maximize;

  private double step;
  private final double[] sum;

  /** Arguments as {@code torch.optim.Adagrad}'s, checked with its messages. */
  public Adagrad(
      int size,
      double lr,
      double lrDecay,
      double weightDecay,
      double initialAccumulatorValue,
      double eps,
      boolean maximize) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.lrDecay = Check.atLeastZero(lrDecay, "Invalid lr_decay value");
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    Check.atLeastZero(initialAccumulatorValue, "Invalid initial_accumulator_value value");
    this.eps = Check.atLeastZero(eps, "Invalid epsilon value");
    this.maximize = maximize;
    this.sum = new double[size];
    // Unlike the other optimizers, torch's Adagrad makes its state in the constructor.
    Arrays.fill(sum, initialAccumulatorValue);
  }

  @Override
  public String name() {
    return "Adagrad";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    step += 1;
    double clr = lr / (1 + (step - 1) * lrDecay);
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      sum[i] = Math.fma(g, g, sum[i]);
      double std = Math.sqrt(sum[i]) + eps;
      params[i] = params[i] + -clr * g / std;
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    this.lr = Check.learningRate(lr);
  }

  @Override
  public OptimizerState state() {
    return Snapshots.of(name()).scalar("lr", lr).scalar("step", step).array("sum", sum).build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "sum", sum);
  }
}
