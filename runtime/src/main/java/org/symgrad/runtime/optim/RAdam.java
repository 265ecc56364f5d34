package org.symgrad.runtime.optim;

import java.util.List;

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
public final class RAdam extends MomentOptimizer {
  static final Option<Double> LR = Option.lr("1e-3");
  static final Spec DEFAULTS = new Spec(Settings.of("RAdam", List.of(
      LR, Option.betas(), Option.eps("1e-8"), Option.weightDecay("0"))));

  /** {@code torch.optim.RAdam}'s arguments: {@link Optim#radam()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Betas<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.WeightDecay<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, RAdam::new);
    }
  }

  private RAdam(int size, Settings settings) {
    super(settings, size, LR);
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    double biasCorrection1 = biasCorrection1();
    double biasCorrection2 = biasCorrection2();
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
      double g = gradient(params, grad, i); // torch 1.13's NAdam and RAdam cannot maximize
      expAvg[i] = average(beta1, expAvg[i], g);
      expAvgSq[i] = squareAverage(beta2, expAvgSq[i], g);
      double biasCorrectedExpAvg = expAvg[i] / biasCorrection1;
      if (rectify) {
        double adaptiveLr = 1 / (Math.sqrt(expAvgSq[i]) + eps) * biasCorrection2Sqrt;
        params[i] = params[i] + -1.0 * (biasCorrectedExpAvg * lr * adaptiveLr * rect);
      } else {
        params[i] = params[i] + -1.0 * (biasCorrectedExpAvg * lr);
      }
    }
  }
}
