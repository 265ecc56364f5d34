package org.symgrad.runtime.optim;

/**
 * The Adam family's shared state: torch's {@code exp_avg} and {@code exp_avg_sq}, the running
 * averages of the gradient and of its square, and the step count their bias corrections use.
 */
abstract class MomentOptimizer extends BaseOptimizer {
  final double[] expAvg;
  final double[] expAvgSq;

  MomentOptimizer(Settings settings, int size, Option<Double> lr) {
    super(settings, size, lr, true);
    this.expAvg = buffer("exp_avg");
    this.expAvgSq = buffer("exp_avg_sq");
  }

  /** torch's {@code bias_correction1} at the current step: 1 - beta1^step. */
  final double biasCorrection1() {
    return 1 - Math.pow(beta1, step);
  }

  /** torch's {@code bias_correction2} at the current step: 1 - beta2^step. */
  final double biasCorrection2() {
    return 1 - Math.pow(beta2, step);
  }
}
