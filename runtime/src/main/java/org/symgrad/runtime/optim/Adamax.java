package org.symgrad.runtime.optim;

import java.util.List;

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
public final class Adamax extends BaseOptimizer {
  static final Option<Double> LR = Option.lr("2e-3");
  static final Spec DEFAULTS = new Spec(Settings.of("Adamax", List.of(
      LR, Option.betas(), Option.eps("1e-8"), Option.weightDecay("0"), Option.maximize())));

  /** {@code torch.optim.Adamax}'s arguments: {@link Optim#adamax()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Betas<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.WeightDecay<Spec>, OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, Adamax::new);
    }
  }

  private final double[] expAvg;
  private final double[] expInf;

  private Adamax(int size, Settings settings) {
    super(settings, size, LR, true);
    this.expAvg = buffer("exp_avg");
    this.expInf = buffer("exp_inf");
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    double clr = lr / (1 - Math.pow(beta1, step));
    for (int i = 0; i < size; i++) {
      double g = gradient(params, grad, i);
      expAvg[i] = average(beta1, expAvg[i], g);
      // torch.amax propagates NaN, as Math.max does.
      expInf[i] = Math.max(expInf[i] * beta2, Math.abs(g) + eps);
      params[i] = params[i] + -clr * expAvg[i] / expInf[i];
    }
  }
}
