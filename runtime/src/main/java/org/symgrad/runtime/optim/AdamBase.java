package org.symgrad.runtime.optim;

import java.util.List;

/**
 * Adam's update, shared by {@link Adam} and {@link AdamW}, which differ in how they decay.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.Adam.html">torch's algorithm</a>
 * and in the order of operations of torch 1.13's {@code _single_tensor_adam}:
 *
 * <pre>
 * t = t + 1
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p      (AdamW instead: p = p * (1 - lr * wd))
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * if amsgrad: v_max = max(v_max, v), and v_max replaces v below
 * denom = sqrt(v) / sqrt(1 - beta2^t) + eps
 * p = p - (lr / (1 - beta1^t)) * m / denom
 * </pre>
 *
 * <p>The bias corrections are applied as torch applies them, to the step size and to the
 * square root of {@code v}, not to {@code m} and {@code v} as the paper writes them: the two
 * agree in exact arithmetic but not in the last bits.
 */
abstract class AdamBase extends MomentOptimizer {
  static final Option<Double> LR = Option.lr("1e-3");
  static final Option<Pair> BETAS = Option.betas();
  static final Option<Double> EPS = Option.eps("1e-8");
  static final Option<Boolean> AMSGRAD = Option.amsgrad();
  static final Option<Boolean> MAXIMIZE = Option.maximize();

  /** Adam's options in torch's order, with the owner's weight decay. */
  static List<Option<?>> options(Option<Double> weightDecay) {
    return List.of(LR, BETAS, EPS, weightDecay, AMSGRAD, MAXIMIZE);
  }

  private final boolean amsgrad;
  /** AdamW: decay the parameters themselves instead of adding the decay to the gradient. */
  private final boolean decoupled;

  private final double[] maxExpAvgSq;

  AdamBase(int size, Settings settings, boolean decoupled) {
    super(settings, size, LR);
    this.amsgrad = settings.get(AMSGRAD);
    this.decoupled = decoupled;
    this.maxExpAvgSq = bufferIf(amsgrad, "max_exp_avg_sq");
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    double biasCorrection1 = biasCorrection1();
    double biasCorrection2 = biasCorrection2();
    double stepSize = lr / biasCorrection1;
    double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    double decay = 1 - lr * weightDecay;
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (decoupled) {
        params[i] = params[i] * decay;
      } else if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      expAvg[i] = average(beta1, expAvg[i], g);
      expAvgSq[i] = squareAverage(beta2, expAvgSq[i], g);
      double v = expAvgSq[i];
      if (amsgrad) {
        v = maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], v);
      }
      double denom = Math.sqrt(v) / biasCorrection2Sqrt + eps;
      params[i] = params[i] + -stepSize * expAvg[i] / denom;
    }
  }

}
