package org.symgrad.runtime.optim;

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
public final class SparseAdam implements Optimizer {
  private final int size;
  private double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final boolean maximize;

  private double step;
  private final double[] expAvg;
  private final double[] expAvgSq;

  /** Arguments as {@code torch.optim.SparseAdam}'s, checked with its messages. */
  public SparseAdam(
      int size, double lr, double beta1, double beta2, double eps, boolean maximize) {
    this.size = size;
    // SparseAdam alone refuses lr == 0 and eps == 0.
    if (!(0.0 < lr)) {
      throw new IllegalArgumentException("Invalid learning rate: " + PyFloat.repr(lr));
    }
    if (!(0.0 < eps)) {
      throw new IllegalArgumentException("Invalid epsilon value: " + PyFloat.repr(eps));
    }
    this.lr = lr;
    this.eps = eps;
    this.beta1 = Check.beta(beta1, 0);
    this.beta2 = Check.beta(beta2, 1);
    this.maximize = maximize;
    this.expAvg = new double[size];
    this.expAvgSq = new double[size];
  }

  @Override
  public String name() {
    return "SparseAdam";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    step += 1;
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2 = 1 - Math.pow(beta2, step);
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
        .array("exp_avg", expAvg)
        .array("exp_avg_sq", expAvgSq)
        .build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "exp_avg", expAvg);
    Snapshots.read(state, "exp_avg_sq", expAvgSq);
  }
}
