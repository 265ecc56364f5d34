package org.symgrad.runtime.optim.lsq;

/**
 * A problem valued by the compiler's objective kernel, one pass over all rows: what {@link
 * FusedObjective} and {@link MatrixFreeObjective} share beside the derivatives each adds.
 */
abstract class KernelValued implements ValuedProblem {
  private final int size;
  private final FusedObjective.Pass objective;
  private final double[] none = new double[0];

  KernelValued(int size, FusedObjective.Pass objective) {
    this.size = size;
    this.objective = objective;
  }

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final double value(double[] x) {
    return objective.run(x, none);
  }
}
