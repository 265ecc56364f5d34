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
}
