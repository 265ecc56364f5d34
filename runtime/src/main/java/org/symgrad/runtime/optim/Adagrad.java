package org.symgrad.runtime.optim;

import java.util.Arrays;
import java.util.List;

/**
 * Adagrad: {@code torch.optim.Adagrad}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Adagrad.html">torch's
 * algorithm</a>:
 *
 * <pre>
 * t = t + 1
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * clr = lr / (1 + (t - 1) * lr_decay)
 * sum = sum + g * g                         (sum starts at initial_accumulator_value)
 * p = p - clr * g / (sqrt(sum) + eps)
 * </pre>
 */
public final class Adagrad extends BaseOptimizer {
  static final Option<Double> LR = Option.lr("1e-2");
  static final Option<Double> LR_DECAY =
      Option.atLeastZero("lr_decay", "0", "Invalid lr_decay value");
  static final Option<Double> INITIAL_ACCUMULATOR_VALUE = Option.atLeastZero(
      "initial_accumulator_value", "0", "Invalid initial_accumulator_value value");
  static final Spec DEFAULTS = new Spec(Settings.of("Adagrad", List.of(
      LR, LR_DECAY, Option.weightDecay("0"), INITIAL_ACCUMULATOR_VALUE, Option.eps("1e-10"),
      Option.maximize())));

  /** {@code torch.optim.Adagrad}'s arguments: {@link Optim#adagrad()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.WeightDecay<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, Adagrad::new);
    }

    /** torch's {@code lr_decay}: step t uses lr / (1 + (t - 1) lr_decay). */
    public Spec lrDecay(double lrDecay) {
      return set(LR_DECAY, lrDecay);
    }

    /** torch's {@code initial_accumulator_value}: where the sum of squares starts. */
    public Spec initialAccumulatorValue(double value) {
      return set(INITIAL_ACCUMULATOR_VALUE, value);
    }
  }

  private final double lrDecay;

  private final double[] sum;

  private Adagrad(int size, Settings settings) {
    super(settings, size, LR, true);
    this.lrDecay = settings.get(LR_DECAY);
    this.sum = buffer("sum");
    // Unlike the other optimizers, torch's Adagrad makes its state in the constructor.
    Arrays.fill(sum, settings.get(INITIAL_ACCUMULATOR_VALUE));
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    double clr = lr / (1 + (step - 1) * lrDecay);
    for (int i = 0; i < size; i++) {
      double g = gradient(params, grad, i);
      sum[i] = Math.fma(g, g, sum[i]);
      double std = Math.sqrt(sum[i]) + eps;
      params[i] = params[i] + -clr * g / std;
    }
  }
}
