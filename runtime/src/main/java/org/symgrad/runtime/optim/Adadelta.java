package org.symgrad.runtime.optim;

import java.util.List;

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
public final class Adadelta extends BaseOptimizer {
  static final Option<Double> LR = Option.lr("1.0");
  static final Option<Double> RHO = Option.of("rho", Kind.NUMBER, "0.9", (owner, option, rho) -> {
    if (!(0.0 <= rho && rho <= 1.0)) {
      throw new IllegalArgumentException("Invalid rho value: " + PyFloat.repr(rho));
    }
  });
  static final Spec DEFAULTS = new Spec(Settings.of("Adadelta", List.of(
      LR, RHO, Option.eps("1e-6"), Option.weightDecay("0"), Option.maximize())));

  /** {@code torch.optim.Adadelta}'s arguments: {@link Optim#adadelta()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Eps<Spec>, OptimizerSpec.WeightDecay<Spec>,
          OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, Adadelta::new);
    }

    /** torch's {@code rho}: the decay of both running averages, in [0, 1]. */
    public Spec rho(double rho) {
      return set(RHO, rho);
    }
  }

  private final double rho;

  private final double[] squareAvg;
  private final double[] accDelta;

  private Adadelta(int size, Settings settings) {
    super(settings, size, LR, true);
    this.rho = settings.get(RHO);
    this.squareAvg = buffer("square_avg");
    this.accDelta = buffer("acc_delta");
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    for (int i = 0; i < size; i++) {
      double g = gradient(params, grad, i);
      squareAvg[i] = squareAverage(rho, squareAvg[i], g);
      double std = Math.sqrt(squareAvg[i] + eps);
      double delta = Math.sqrt(accDelta[i] + eps) / std * g;
      accDelta[i] = squareAverage(rho, accDelta[i], delta);
      params[i] = Math.fma(-lr, delta, params[i]);
    }
  }
}
