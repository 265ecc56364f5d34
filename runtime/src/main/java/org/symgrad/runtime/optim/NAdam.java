package org.symgrad.runtime.optim;

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
public final class NAdam implements Optimizer {
  private final int size;
  private double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final double momentumDecay;

  private double step;
  private double muProduct = 1;
  private final double[] expAvg;
  private final double[] expAvgSq;

  /** Arguments as {@code torch.optim.NAdam}'s, checked with its messages. */
  public NAdam(
      int size,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      double momentumDecay) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.eps = Check.atLeastZero(eps, "Invalid epsilon value");
    this.beta1 = Check.beta(beta1, 0);
    this.beta2 = Check.beta(beta2, 1);
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    this.momentumDecay = Check.atLeastZero(momentumDecay, "Invalid momentum_decay value");
    this.expAvg = new double[size];
    this.expAvgSq = new double[size];
  }

  @Override
  public String name() {
    return "NAdam";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    step += 1;
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    double mu = beta1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
    double muNext = beta1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
    muProduct = muProduct * mu;
    double muProductNext = muProduct * mu * muNext;
    double gradStep = -lr * (1. - mu) / (1. - muProduct);
    double avgStep = -lr * muNext / (1. - muProductNext);
    for (int i = 0; i < size; i++) {
      double g = grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      expAvg[i] = Math.fma(1 - beta1, g, expAvg[i] * beta1);
      expAvgSq[i] = Math.fma((1 - beta2) * g, g, expAvgSq[i] * beta2);
      double denom = Math.sqrt(expAvgSq[i] / biasCorrection2) + eps;
      params[i] = params[i] + gradStep * g / denom;
      params[i] = params[i] + avgStep * expAvg[i] / denom;
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    this.lr = Check.learningRate(lr);
  }

  @Override
  public OptimizerState state() {
    return Snapshots.of(name())
        .scalar("lr", lr)
        .scalar("step", step)
        .scalar("mu_product", muProduct)
        .array("exp_avg", expAvg)
        .array("exp_avg_sq", expAvgSq)
        .build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    muProduct = state.scalar("mu_product");
    Snapshots.read(state, "exp_avg", expAvg);
    Snapshots.read(state, "exp_avg_sq", expAvgSq);
  }
}
