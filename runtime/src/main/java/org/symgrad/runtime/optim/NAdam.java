package org.symgrad.runtime.optim;

import java.util.List;

/**
 * Adam with Nesterov momentum: {@code torch.optim.NAdam}. torch 1.13's NAdam has no {@code
 * maximize}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.NAdam.html">torch's
 * algorithm</a>:
 *
 * <pre>
 * t = t + 1
 * if weight_decay != 0: g = g + weight_decay * p
 * mu      = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay))
 * mu_next = beta1 * (1 - 0.5 * 0.96^((t + 1) * momentum_decay))
 * mu_product = mu_product * mu                     (starts at 1)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * denom = sqrt(v / (1 - beta2^t)) + eps
 * p = p - lr * (1 - mu) / (1 - mu_product) * g / denom
 * p = p - lr * mu_next / (1 - mu_product * mu * mu_next) * m / denom
 * </pre>
 *
 * <p>The last line counts {@code mu} twice ({@code mu_product} already holds it): that is what
 * torch 1.13 computes, and matching it is the point; later torch versions use {@code
 * mu_product * mu_next}.
 */
public final class NAdam extends MomentOptimizer {
  static final Option<Double> LR = Option.lr("2e-3");
  static final Option<Double> MOMENTUM_DECAY =
      Option.atLeastZero("momentum_decay", "4e-3", "Invalid momentum_decay value");
  static final Spec DEFAULTS = new Spec(Settings.of("NAdam", List.of(
      LR, Option.betas(), Option.eps("1e-8"), Option.weightDecay("0"), MOMENTUM_DECAY)));

  /** {@code torch.optim.NAdam}'s arguments: {@link Optim#nadam()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Betas<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.WeightDecay<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, NAdam::new);
    }

    /** torch's {@code momentum_decay}: how fast the momentum schedule approaches beta1. */
    public Spec momentumDecay(double momentumDecay) {
      return set(MOMENTUM_DECAY, momentumDecay);
    }
  }

  private final double momentumDecay;

  private double muProduct = 1;

  private NAdam(int size, Settings settings) {
    super(settings, size, LR);
    this.momentumDecay = settings.get(MOMENTUM_DECAY);
    counters.add("mu_product", () -> muProduct, value -> muProduct = value);
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    double biasCorrection2 = biasCorrection2();
    double mu = beta1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
    double muNext = beta1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
    muProduct = muProduct * mu;
    double muProductNext = muProduct * mu * muNext;
    double gradStep = -lr * (1. - mu) / (1. - muProduct);
    double avgStep = -lr * muNext / (1. - muProductNext);
    for (int i = 0; i < size; i++) {
      double g = gradient(params, grad, i); // torch 1.13's NAdam and RAdam cannot maximize
      expAvg[i] = average(beta1, expAvg[i], g);
      expAvgSq[i] = squareAverage(beta2, expAvgSq[i], g);
      double denom = Math.sqrt(expAvgSq[i] / biasCorrection2) + eps;
      params[i] = params[i] + gradStep * g / denom;
      params[i] = params[i] + avgStep * expAvg[i] / denom;
    }
  }
}
