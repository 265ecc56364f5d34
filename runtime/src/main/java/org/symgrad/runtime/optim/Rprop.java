package org.symgrad.runtime.optim;

import java.util.Arrays;
import java.util.List;

/**
 * Resilient backpropagation: {@code torch.optim.Rprop}. Only the sign of the gradient is used;
 * each coordinate has its own step size that grows while the sign holds and shrinks when it
 * flips.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Rprop.html">torch's algorithm</a>:
 *
 * <pre>
 * g = maximize ? -grad : grad
 * s = sign(g * prev) > 0 ? eta_plus : sign(g * prev) &lt; 0 ? eta_minus : 1
 * step_size = clamp(step_size * s, step_size_min, step_size_max)   (starts at lr)
 * if s == eta_minus: g = 0           (after a sign flip, wait one step)
 * p = p - sign(g) * step_size
 * prev = g
 * </pre>
 *
 * <p>{@code lr} is only the initial step size: changing it after the first step changes
 * nothing, in torch as here.
 */
public final class Rprop extends BaseOptimizer {
  static final Option<Double> LR = Option.lr("1e-2");
  static final Option<Pair> ETAS = Option.of("etas", Kind.PAIR, "0.5,1.2", (owner, o, etas) -> {
    if (!(0.0 < etas.first() && etas.first() < 1.0 && 1.0 < etas.second())) {
      throw new IllegalArgumentException("Invalid eta values: " + PyFloat.repr(etas.first())
          + ", " + PyFloat.repr(etas.second()));
    }
  });
  static final Option<Pair> STEP_SIZES = Option.unchecked("step_sizes", Kind.PAIR, "1e-6,50");
  static final Spec DEFAULTS = new Spec(Settings.of("Rprop", List.of(
      LR, ETAS, STEP_SIZES, Option.maximize())));

  /** {@code torch.optim.Rprop}'s arguments: {@link Optim#rprop()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, Rprop::new);
    }

    /** torch's {@code etas}: how a step size shrinks on a sign flip and grows while it holds. */
    public Spec etas(double etaMinus, double etaPlus) {
      return set(ETAS, new Pair(etaMinus, etaPlus));
    }

    /** torch's {@code step_sizes}: the least and the greatest step size. */
    public Spec stepSizes(double min, double max) {
      return set(STEP_SIZES, new Pair(min, max));
    }
  }

  private final double etaMinus;
  private final double etaPlus;
  private final double stepSizeMin;
  private final double stepSizeMax;

  private final double[] prev;
  private final double[] stepSize;

  private Rprop(int size, Settings settings) {
    super(settings, size, LR, true);
    this.etaMinus = settings.get(ETAS).first();
    this.etaPlus = settings.get(ETAS).second();
    this.stepSizeMin = settings.get(STEP_SIZES).first();
    this.stepSizeMax = settings.get(STEP_SIZES).second();
    this.prev = buffer("prev");
    this.stepSize = buffer("step_size");
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    if (step == 1) {
      // torch fills the step sizes with the group's lr when it makes the state.
      Arrays.fill(stepSize, lr);
    }
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      double sign = Math.signum(g * prev[i]);
      // NaN stays NaN, as torch's masked assignments leave it.
      double factor = sign > 0 ? etaPlus : sign < 0 ? etaMinus : sign == 0 ? 1 : sign;
      stepSize[i] = Math.min(Math.max(stepSize[i] * factor, stepSizeMin), stepSizeMax);
      if (factor == etaMinus) {
        g = 0;
      }
      params[i] = params[i] + -1 * Math.signum(g) * stepSize[i];
      prev[i] = g;
    }
  }
}
