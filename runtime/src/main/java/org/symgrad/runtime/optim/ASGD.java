package org.symgrad.runtime.optim;

/**
 * Averaged stochastic gradient descent: {@code torch.optim.ASGD}. The parameters follow SGD
 * with a decaying step; the state also keeps {@code ax}, the running average of the
 * parameters since step {@code t0}, which is the estimate the method is named for (read it
 * with {@code state().array("ax")}; the parameters themselves are not averaged).
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.ASGD.html">torch's algorithm</a>:
 *
 * <pre>
 * t = t + 1
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * p = p * (1 - lambd * eta)
 * p = p - eta * g
 * ax = mu == 1 ? p : ax + mu * (p - ax)
 * eta = lr / (1 + lambd * lr * t)^alpha          (eta starts at lr)
 * mu = 1 / max(1, t - t0)
 * </pre>
 */
public final class ASGD implements Optimizer {
  private final int size;
  private double lr;
  private final double lambd;
  private final double alpha;
  private final double t0;
  private final double weightDecay;
  private final boolean maximize;

  private double step;
  private double eta;
  private double mu = 1;
  private final double[] ax;

  /** Arguments as {@code torch.optim.ASGD}'s, checked with its messages. */
  public ASGD(
      int size,
      double lr,
      double lambd,
      double alpha,
      double t0,
      double weightDecay,
      boolean maximize) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    this.lambd = lambd;
    this.alpha = alpha;
    this.t0 = t0;
    this.maximize = maximize;
    this.ax = new double[size];
  }

  @Override
  public String name() {
    return "ASGD";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    if (step == 0) {
      eta = lr; // torch makes the state, eta = lr, at the first step
    }
    step += 1;
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      params[i] = params[i] * (1 - lambd * eta);
      params[i] = Math.fma(-eta, g, params[i]);
      ax[i] = mu != 1 ? ax[i] + (params[i] - ax[i]) * mu : params[i];
    }
    eta = lr / Math.pow(1 + lambd * lr * step, alpha);
    double sinceT0 = step - t0;
    mu = 1 / (sinceT0 > 1 ? sinceT0 : 1); // Python's max(1, x) keeps 1 unless x > 1
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
        .scalar("eta", eta)
        .scalar("mu", mu)
        .array("ax", ax)
        .build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    eta = state.scalar("eta");
    mu = state.scalar("mu");
    Snapshots.read(state, "ax", ax);
  }
}
