package org.symgrad.runtime.optim;

import java.util.List;

/**
 * RMSprop: {@code torch.optim.RMSprop}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.RMSprop.html">torch's
 * algorithm</a>:
 *
 * <pre>
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * v = alpha * v + (1 - alpha) * g * g
 * if centered: a = alpha * a + (1 - alpha) * g;  avg = sqrt(v - a * a) + eps
 * else:        avg = sqrt(v) + eps
 * if momentum > 0: b = momentum * b + g / avg;  p = p - lr * b
 * else:            p = p - lr * g / avg
 * </pre>
 *
 * <p>torch adds {@code eps} outside the square root (Hinton's slides put it inside).
 */
public final class RMSprop extends BaseOptimizer {
  static final Option<Double> LR = Option.lr("1e-2");
  static final Option<Double> ALPHA = Option.atLeastZero("alpha", "0.99", "Invalid alpha value");
  static final Option<Double> MOMENTUM = Option.momentum();
  static final Option<Boolean> CENTERED = Option.flag("centered");
  static final Spec DEFAULTS = new Spec(Settings.of("RMSprop", List.of(
      LR, ALPHA, Option.eps("1e-8"), Option.weightDecay("0"), MOMENTUM, CENTERED,
      Option.maximize())));

  /** {@code torch.optim.RMSprop}'s arguments: {@link Optim#rmsprop()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Eps<Spec>, OptimizerSpec.WeightDecay<Spec>,
          OptimizerSpec.Momentum<Spec>, OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, RMSprop::new);
    }

    /** torch's {@code alpha}: the decay of the running average of g². */
    public Spec alpha(double alpha) {
      return set(ALPHA, alpha);
    }

    /** torch's {@code centered}: divide by the variance's estimate rather than g²'s mean. */
    public Spec centered(boolean centered) {
      return set(CENTERED, centered);
    }
  }

  private final double alpha;
  private final double momentum;
  private final boolean centered;

  private final double[] squareAvg;
  private final double[] momentumBuffer;
  private final double[] gradAvg;

  private RMSprop(int size, Settings settings) {
    super(settings, size, LR, true);
    this.alpha = settings.get(ALPHA);
    this.momentum = settings.get(MOMENTUM);
    this.centered = settings.get(CENTERED);
    this.squareAvg = buffer("square_avg");
    this.momentumBuffer = bufferIf(momentum > 0, "momentum_buffer");
    this.gradAvg = bufferIf(centered, "grad_avg");
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    for (int i = 0; i < size; i++) {
      double g = gradient(params, grad, i);
      squareAvg[i] = squareAverage(alpha, squareAvg[i], g);
      double avg;
      if (centered) {
        gradAvg[i] = average(alpha, gradAvg[i], g);
        avg = Math.sqrt(Math.fma(-gradAvg[i], gradAvg[i], squareAvg[i]));
      } else {
        avg = Math.sqrt(squareAvg[i]);
      }
      avg = avg + eps;
      if (momentum > 0) {
        momentumBuffer[i] = momentumBuffer[i] * momentum + g / avg;
        params[i] = Math.fma(-lr, momentumBuffer[i], params[i]);
      } else {
        params[i] = params[i] + -lr * g / avg;
      }
    }
  }
}
