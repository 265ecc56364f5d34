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
  static final Option<Pair> BETAS = Option.betas();
  static final Option<Double> EPS = Option.eps("1e-8");
  static final Option<Double> WEIGHT_DECAY = Option.weightDecay("0");
  static final Option<Boolean> MAXIMIZE = Option.flag("maximize");
  static final Spec DEFAULTS =
      new Spec(Settings.of("Adamax", List.of(LR, BETAS, EPS, WEIGHT_DECAY, MAXIMIZE)));

  /** {@code torch.optim.Adamax}'s arguments: {@link Optim#adamax()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Betas<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.WeightDecay<Spec>, OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, Adamax::new);
    }
  }

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean maximize;

  private double step;
  private final double[] expAvg;
  private final double[] expInf;

  private Adamax(int size, Settings settings) {
    super(settings, size, LR);
    this.beta1 = settings.get(BETAS).first();
    this.beta2 = settings.get(BETAS).second();
    this.eps = settings.get(EPS);
    this.weightDecay = settings.get(WEIGHT_DECAY);
    this.maximize = settings.get(MAXIMIZE);
    scalar("step", () -> step, value -> step = value);
    this.expAvg = buffer("exp_avg");
    this.expInf = buffer("exp_inf");
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
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
}
