package org.symgrad.runtime.optim;

import java.util.List;

/**
 * Lazy Adam: {@code torch.optim.SparseAdam}. Only coordinates whose gradient is non-zero take
 * part in a step: their moments are updated and they move; every other coordinate, moments
 * included, is left exactly as it was. (Dense {@link Adam} would decay their moments and keep
 * moving them on momentum.)
 *
 * <p>torch's SparseAdam takes sparse gradients; a dense gradient is read here as the sparse
 * gradient of its non-zero entries, which is what {@code grad.to_sparse()} gives. The step
 * count {@code t} grows every step, as torch's does, whatever the gradient.
 *
 * <p>The update, per coordinate with {@code g != 0}, as in torch 1.13's {@code
 * _functional.sparse_adam}:
 *
 * <pre>
 * g = maximize ? -grad : grad
 * m = m + (1 - beta1) * (g - m)
 * v = v + (1 - beta2) * (g * g - v)
 * p = p - (lr * sqrt(1 - beta2^t) / (1 - beta1^t)) * (m / (sqrt(v) + eps))
 * </pre>
 */
public final class SparseAdam extends MomentOptimizer {
  // SparseAdam alone refuses lr == 0 and eps == 0.
  static final Option<Double> LR = Option.of(Option.LR, Kind.NUMBER, "1e-3", (owner, option, lr) -> {
    if (!(0.0 < lr)) {
      throw new IllegalArgumentException("Invalid learning rate: " + PyFloat.repr(lr));
    }
  });
  static final Option<Double> EPS = Option.of(Option.EPS, Kind.NUMBER, "1e-8", (owner, option, eps) -> {
    if (!(0.0 < eps)) {
      throw new IllegalArgumentException("Invalid epsilon value: " + PyFloat.repr(eps));
    }
  });
  static final Spec DEFAULTS = new Spec(Settings.of("SparseAdam", List.of(
      LR, Option.betas(), EPS, Option.maximize())));

  /** {@code torch.optim.SparseAdam}'s arguments: {@link Optim#sparseAdam()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Betas<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, SparseAdam::new);
    }
  }

  private SparseAdam(int size, Settings settings) {
    super(settings, size, LR);
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    double biasCorrection1 = biasCorrection1();
    double biasCorrection2 = biasCorrection2();
    double stepSize = lr * Math.sqrt(biasCorrection2) / biasCorrection1;
    for (int i = 0; i < size; i++) {
      if (grad[i] == 0) {
        continue; // absent from the sparse gradient
      }
      double g = maximize ? -grad[i] : grad[i];
      double oldExpAvg = expAvg[i];
      double expAvgUpdate = (g - oldExpAvg) * (1 - beta1);
      expAvg[i] = oldExpAvg + expAvgUpdate;
      double oldExpAvgSq = expAvgSq[i];
      double expAvgSqUpdate = (g * g - oldExpAvgSq) * (1 - beta2);
      expAvgSq[i] = oldExpAvgSq + expAvgSqUpdate;
      double denom = Math.sqrt(expAvgSq[i]) + eps;
      params[i] = params[i] + -stepSize * (expAvg[i] / denom);
    }
  }
}
