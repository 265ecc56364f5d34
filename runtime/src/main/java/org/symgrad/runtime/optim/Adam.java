package org.symgrad.runtime.optim;

/**
 * Adam, and AMSGrad with {@code amsgrad}: {@code torch.optim.Adam}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Adam.html">torch's algorithm</a>
 * and in the order of operations of torch 1.13's {@code _single_tensor_adam}:
 *
 * <pre>
 * t = t + 1
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p      (AdamW instead: p = p * (1 - lr * wd))
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * if amsgrad: v_max = max(v_max, v), and v_max replaces v below
 * denom = sqrt(v) / sqrt(1 - beta2^t) + eps
 * p = p - (lr / (1 - beta1^t)) * m / denom
 * </pre>
 *
 * <p>The bias corrections are applied as torch applies them, to the step size and to the
 * square root of {@code v}, not to {@code m} and {@code v} as the paper writes them: the two
 * agree in exact arithmetic but not in the last bits.
 */
public final class Adam implements Optimizer {
  private final String name;
  private final int size;
  private double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean amsgrad;
  private final boolean maximize;
  /** AdamW: decay the parameters themselves instead of adding the decay to the gradient. */
  private final boolean decoupled;

  private double step;
  private final double[] expAvg;
  private final double[] expAvgSq;
  private final double[] maxExpAvgSq;

  /** Arguments as {@code torch.optim.Adam}'s, checked with its messages. */
  public Adam(
      int size,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize) {
    this("Adam", size, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, false);
  }

  Adam(
      String name,
      int size,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize,
      boolean decoupled) {
    this.name = name;
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.eps = Check.atLeastZero(eps, "Invalid epsilon value");
    this.beta1 = Check.beta(beta1, 0);
    this.beta2 = Check.beta(beta2, 1);
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    this.amsgrad = amsgrad;
    this.maximize = maximize;
    this.decoupled = decoupled;
    this.expAvg = new double[size];
    this.expAvgSq = new double[size];
    this.maxExpAvgSq = new double[amsgrad ? size : 0];
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name, size, params, grad);
    step += 1;
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    double stepSize = lr / biasCorrection1;
    double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    double decay = 1 - lr * weightDecay;
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (decoupled) {
        params[i] = params[i] * decay;
      } else if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      expAvg[i] = Math.fma(1 - beta1, g, expAvg[i] * beta1);
      expAvgSq[i] = Math.fma((1 - beta2) * g, g, expAvgSq[i] * beta2);
      double v = expAvgSq[i];
      if (amsgrad) {
        v = maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], v);
      }
      double denom = Math.sqrt(v) / biasCorrection2Sqrt + eps;
      params[i] = params[i] + -stepSize * expAvg[i] / denom;
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
    Snapshots snapshot =
        Snapshots.of(name)
            .scalar("lr", lr)
            .scalar("step", step)
            .array("exp_avg", expAvg)
            .array("exp_avg_sq", expAvgSq);
    if (amsgrad) {
      snapshot.array("max_exp_avg_sq", maxExpAvgSq);
    }
    return snapshot.build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name, size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "exp_avg", expAvg);
    Snapshots.read(state, "exp_avg_sq", expAvgSq);
    if (amsgrad) {
      Snapshots.read(state, "max_exp_avg_sq", maxExpAvgSq);
    }
  }
}
