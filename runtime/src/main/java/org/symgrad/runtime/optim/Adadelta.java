package org.symgrad.runtime.optim;

/**
 * Adadelta: {@code torch.optim.Adadelta}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Adadelta.html">torch's
 * algorithm</a>:
 *
 * <pre>
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * v = rho * v + (1 - rho) * g * g
 * delta = sqrt(u + eps) / sqrt(v + eps) * g
 * u = rho * u + (1 - rho) * delta * delta
 * p = p - lr * delta
 * </pre>
 *
 * <p>The ratio of the two running RMS values is unit-correct by itself, hence torch's default
 * {@code lr = 1.0}.
 */
public final class Adadelta implements Optimizer {
  private final int size;
  private double lr;
  private final double rho;
  private final double eps;
  private final double weightDecay;
  private final boolean maximize;

  private double step;
  private final double[] squareAvg;
  private final double[] accDelta;

  /** Arguments as {@code torch.optim.Adadelta}'s, checked with its messages. */
  public Adadelta(
      int size, double lr, double rho, double eps, double weightDecay, boolean maximize) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    if (!(0.0 <= rho && rho <= 1.0)) {
      throw new IllegalArgumentException("Invalid rho value: " + PyFloat.repr(rho));
    }
    this.rho = rho;
    this.eps = Check.atLeastZero(eps, "Invalid epsilon value");
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    this.maximize = maximize;
    this.squareAvg = new double[size];
    this.accDelta = new double[size];
  }

  @Override
  public String name() {
    return "Adadelta";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    step += 1;
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      squareAvg[i] = Math.fma((1 - rho) * g, g, squareAvg[i] * rho);
      double std = Math.sqrt(squareAvg[i] + eps);
      double delta = Math.sqrt(accDelta[i] + eps) / std * g;
      accDelta[i] = Math.fma((1 - rho) * delta, delta, accDelta[i] * rho);
      params[i] = Math.fma(-lr, delta, params[i]);
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
        .array("square_avg", squareAvg)
        .array("acc_delta", accDelta)
        .build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "square_avg", squareAvg);
    Snapshots.read(state, "acc_delta", accDelta);
  }
}
