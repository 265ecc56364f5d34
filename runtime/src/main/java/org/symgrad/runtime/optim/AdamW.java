package org.symgrad.runtime.optim;

/**
 * Adam with decoupled weight decay: {@code torch.optim.AdamW}.
 *
 * <p>The update is {@link Adam}'s except for the decay, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.AdamW.html">torch's algorithm</a>:
 * instead of adding {@code weight_decay * p} to the gradient, where the adaptive denominator
 * would scale it, each step first shrinks the parameters, {@code p = p * (1 - lr *
 * weight_decay)}. Hence its own default, {@code weight_decay = 1e-2}.
 */
public final class AdamW implements Optimizer {
  private final Adam adam;

  /** Arguments as {@code torch.optim.AdamW}'s, checked with its messages. */
  public AdamW(
      int size,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize) {
    this.adam =
        new Adam("AdamW", size, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, true);
  }

  @Override
  public String name() {
    return adam.name();
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    adam.step(params, loss, grad, objective);
  }

  @Override
  public double learningRate() {
    return adam.learningRate();
  }

  @Override
  public void setLearningRate(double lr) {
    adam.setLearningRate(lr);
  }

  @Override
  public OptimizerState state() {
    return adam.state();
  }

  @Override
  public void restore(OptimizerState state) {
    adam.restore(state);
  }
}
