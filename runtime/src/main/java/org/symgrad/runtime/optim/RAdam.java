package org.symgrad.runtime.optim;

/**
 * Rectified Adam: {@code torch.optim.RAdam}. Plain momentum SGD while the variance estimate is
 * too young to trust, Adam with a rectification factor after. torch 1.13's RAdam has no {@code
 * maximize}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.RAdam.html">torch's
 * algorithm</a>:
 *
 * <pre>
 * t = t + 1
 * if weight_decay != 0: g = g + weight_decay * p
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * m_hat = m / (1 - beta1^t)
 * rho_inf = 2 / (1 - beta2) - 1
 * rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 * if rho_t > 5:
 *     rect = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *     p = p - m_hat * lr * (1 / (sqrt(v) + eps)) * sqrt(1 - beta2^t) * rect
 * else:
 *     p = p - m_hat * lr
 * </pre>
 *
 * <p>The adaptive factor is computed as torch computes {@code float / tensor}: as the
 * reciprocal of the tensor times the float.
 */
public final class RAdam implements Optimizer {
  private final int size;
  private double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;

  private double step;
  private final double[] expAvg;
  private final double[] expAvgSq;

  /** Arguments as {@code torch.optim.RAdam}'s, checked with its messages. */
  public RAdam(
      int size, double lr, double beta1, double beta2, double eps, double weightDecay) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.eps = Check.atLeastZero(eps, "Invalid epsilon value");
    this.beta1 = Check.beta(beta1, 0);
    this.beta2 = Check.beta(beta2, 1);
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    this.expAvg = new double[size];
    this.expAvgSq = new double[size];
  }

  @Override
  public String name() {
    return "RAdam";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    step += 1;
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
    boolean rectify = rhoT > 5.;
    double rect =
        rectify
            ? Math.sqrt(
                (rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
            : 0;
    double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    for (int i = 0; i < size; i++) {
      double g = grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      expAvg[i] = Math.fma(1 - beta1, g, expAvg[i] * beta1);
      expAvgSq[i] = Math.fma((1 - beta2) * g, g, expAvgSq[i] * beta2);
      double biasCorrectedExpAvg = expAvg[i] / biasCorrection1;
      if (rectify) {
        double adaptiveLr = 1 / (Math.sqrt(expAvgSq[i]) + eps) * biasCorrection2Sqrt;
        params[i] = params[i] + -1.0 * (biasCorrectedExpAvg * lr * adaptiveLr * rect);
      } else {
        params[i] = params[i] + -1.0 * (biasCorrectedExpAvg * lr);
      }
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
        .array("exp_avg_sq", expAvgSq)
        .build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "exp_avg", expAvg);
    Snapshots.read(state, "exp_avg_sq", expAvgSq);
  }
}
