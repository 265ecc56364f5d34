package org.symgrad.runtime.optim;

import java.util.List;

/**
 * Averaged stochastic gradient descent: {@code torch.optim.ASGD}. The parameters follow SGD
 * with a decaying step; the state also keeps {@code ax}, the running average of the
 * parameters since step {@code t0}, which is the estimate the method is named for (read it
 * with {@code state().array("ax")}; the parameters themselves are not averaged).
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.ASGD.html">torch's algorithm</a>:
 *
 * <pre>
 * t = t + 1
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * p = p * (1 - lambd * eta)
 * p = p - eta * g
 * ax = mu == 1 ? p : ax + mu * (p - ax)
 * eta = lr / (1 + lambd * lr * t)^alpha          (eta starts at lr)
 * mu = 1 / max(1, t - t0)
 * </pre>
 */
public final class ASGD extends BaseOptimizer {
  static final Option<Double> LR = Option.lr("1e-2");
  static final Option<Double> LAMBD = Option.unchecked("lambd", Kind.NUMBER, "1e-4");
  static final Option<Double> ALPHA = Option.unchecked("alpha", Kind.NUMBER, "0.75");
  static final Option<Double> T0 = Option.unchecked("t0", Kind.NUMBER, "1e6");
  static final Spec DEFAULTS = new Spec(Settings.of("ASGD", List.of(
      LR, LAMBD, ALPHA, T0, Option.weightDecay("0"), Option.maximize())));

  /** {@code torch.optim.ASGD}'s arguments: {@link Optim#asgd()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.WeightDecay<Spec>, OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, ASGD::new);
    }

    /** torch's {@code lambd}: the decay term. */
    public Spec lambd(double lambd) {
      return set(LAMBD, lambd);
    }

    /** torch's {@code alpha}: the power of the step's decay. */
    public Spec alpha(double alpha) {
      return set(ALPHA, alpha);
    }

    /** torch's {@code t0}: the step from which the parameters are averaged. */
    public Spec t0(double t0) {
      return set(T0, t0);
    }
  }

  private final double lambd;
  private final double alpha;
  private final double t0;

  private double eta;
  private double mu = 1;
  private final double[] ax;

  private ASGD(int size, Settings settings) {
    super(settings, size, LR, true);
    this.lambd = settings.get(LAMBD);
    this.alpha = settings.get(ALPHA);
    this.t0 = settings.get(T0);
    counters.add("eta", () -> eta, value -> eta = value);
    counters.add("mu", () -> mu, value -> mu = value);
    this.ax = buffer("ax");
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    if (step == 1) {
      eta = lr; // torch makes the state, eta = lr, at the first step
    }
    for (int i = 0; i < size; i++) {
      double g = gradient(params, grad, i);
      params[i] = params[i] * (1 - lambd * eta);
      params[i] = Math.fma(-eta, g, params[i]);
      ax[i] = mu != 1 ? ax[i] + (params[i] - ax[i]) * mu : params[i];
    }
    eta = lr / Math.pow(1 + lambd * lr * step, alpha);
    double sinceT0 = step - t0;
    mu = 1 / (sinceT0 > 1 ? sinceT0 : 1); // Python's max(1, x) keeps 1 unless x > 1
  }
}
