package org.symgrad.runtime.optim;

/**
 * Adamax, Adam with the infinity norm: {@code torch.optim.Adamax}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Adamax.html">torch's algorithm</a>:
 *
 * <pre>
 * t = t + 1
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * m = beta1 * m + (1 - beta1) * g
 * u = max(beta2 * u, |g| + eps)
 * p = p - (lr / (1 - beta1^t)) * m / u
 * </pre>
 *
 * <p>torch adds {@code eps} to {@code |g|} inside the max (not to {@code u} after it).
 */
public final class Adamax implements Optimizer {
  private final int size;
  private double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean maximize;

  private double step;
  private final double[] expAvg;
  private final double[] expInf;

  /** Arguments as {@code torch.optim.Adamax}'s, checked with its messages. */
  public Adamax(
      int size,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean maximize) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.eps = Check.atLeastZero(eps, "Invalid epsilon value");
    this.beta1 = Check.beta(beta1, 0);
    this.beta2 = Check.beta(beta2, 1);
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    this.maximize = maximize;
    this.expAvg = new double[size];
    this.expInf = new double[size];
  }

  @Override
  public String name() {
    return "Adamax";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    step += 1;
    double clr = lr / (1 - Math.pow(beta1, step));
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      expAvg[i] = Math.fma(1 - beta1, g, expAvg[i] * beta1);
      // torch.amax propagates NaN, as Math.max does.
      expInf[i] = Math.max(expInf[i] * beta2, Math.abs(g) + eps);
      params[i] = params[i] + -clr * expAvg[i] / expInf[i];
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
        .array("exp_avg", expAvg)
        .array("exp_inf", expInf)
        .build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "exp_avg", expAvg);
    Snapshots.read(state, "exp_inf", expInf);
  }
}
