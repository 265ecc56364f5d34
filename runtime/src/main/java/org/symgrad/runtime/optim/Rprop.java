package org.symgrad.runtime.optim;

import java.util.Arrays;

/**
 * Resilient backpropagation: {@code torch.optim.Rprop}. Only the sign of the gradient is used;
 * each coordinate has its own step size that grows while the sign holds and shrinks when it
 * flips.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Rprop.html">torch's algorithm</a>:
 *
 * <pre>
 * g = maximize ? -grad : grad
 * s = sign(g * prev) > 0 ? eta_plus : sign(g * prev) &lt; 0 ? eta_minus : 1
 * step_size = clamp(step_size * s, step_size_min, step_size_max)   (starts at lr)
 * if s == eta_minus: g = 0           (after a sign flip, wait one step)
 * p = p - sign(g) * step_size
 * prev = g
 * </pre>
 *
 * <p>{@code lr} is only the initial step size: changing it after the first step changes
 * nothing, in torch as here.
 */
public final class Rprop implements Optimizer {
  private final int size;
  private double lr;
  private final double etaMinus;
  private final double etaPlus;
  private final double stepSizeMin;
  private final double stepSizeMax;
  private final boolean maximize;

  private double step;
  private final double[] prev;
  private final double[] stepSize;

  /** Arguments as {@code torch.optim.Rprop}'s ({@code etas}, {@code step_sizes} unpacked). */
  public Rprop(
      int size,
      double lr,
      double etaMinus,
      double etaPlus,
      double stepSizeMin,
      double stepSizeMax,
      boolean maximize) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    if (!(0.0 < etaMinus && etaMinus < 1.0 && 1.0 < etaPlus)) {
      throw new IllegalArgumentException(
          "Invalid eta values: " + PyFloat.repr(etaMinus) + ", " + PyFloat.repr(etaPlus));
    }
    this.etaMinus = etaMinus;
    this.etaPlus = etaPlus;
    this.stepSizeMin = stepSizeMin;
    this.stepSizeMax = stepSizeMax;
    this.maximize = maximize;
    this.prev = new double[size];
    this.stepSize = new double[size];
  }

  @Override
  public String name() {
    return "Rprop";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    if (step == 0) {
      // torch fills the step sizes with the group's lr when it makes the state.
      Arrays.fill(stepSize, lr);
    }
    step += 1;
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      double sign = Math.signum(g * prev[i]);
      // NaN stays NaN, as torch's masked assignments leave it.
      double factor = sign > 0 ? etaPlus : sign < 0 ? etaMinus : sign == 0 ? 1 : sign;
      stepSize[i] = Math.min(Math.max(stepSize[i] * factor, stepSizeMin), stepSizeMax);
      if (factor == etaMinus) {
        g = 0;
      }
      params[i] = params[i] + -1 * Math.signum(g) * stepSize[i];
      prev[i] = g;
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
    return Snapshots.of(name())
        .scalar("lr", lr)
        .scalar("step", step)
        .array("prev", prev)
        .array("step_size", stepSize)
        .build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "prev", prev);
    Snapshots.read(state, "step_size", stepSize);
  }
}
