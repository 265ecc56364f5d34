package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * A compiled least-squares model's residuals seen through fused kernels: the compiler's
 * normal-equations kernel, which sums {@code Σr²}, {@code Jᵀr} and the upper triangle of
 * {@code JᵀJ} inside its row loop, and its sum-of-squares kernel for trial points. {@code J}
 * is never formed, not even a chunk of it; both run in fixed chunks on {@code threads} threads
 * with the same bits for any thread count. Not thread-safe: one per solver run.
 */
public final class FusedResiduals extends SizedResiduals {
  private final ExpansionPass normalEquations;
  private final RowSumPass sumOfSquares;
  private final double[] none = new double[0];

  /**
   * @param normalEquations the kernel of {@code SecondOrderKernel.NORMAL_EQUATIONS}
   * @param sumOfSquares the kernel of {@code SecondOrderKernel.SUM_OF_SQUARES}
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public FusedResiduals(CompiledModel normalEquations, CompiledModel sumOfSquares, Batch batch,
      int threads) {
    super(checkedSize(normalEquations, sumOfSquares), batch.size());
    this.normalEquations = new ExpansionPass(
        new RowSumPass(normalEquations, batch, threads)::run, size());
    this.sumOfSquares = new RowSumPass(sumOfSquares, batch, threads);
  }

  private static int checkedSize(CompiledModel normalEquations, CompiledModel sumOfSquares) {
    int size = normalEquations.info().parameterCount();
    int sums = 1 + size + size * (size + 1) / 2;
    if (normalEquations.info().outputs() != sums || sumOfSquares.info().outputs() != 1) {
      throw new IllegalArgumentException("normal equations of " + size + " parameters sum "
          + sums + " terms and a sum of squares 1; got " + normalEquations.info().outputs()
          + " and " + sumOfSquares.info().outputs());
    }
    return size;
  }

  @Override
  public double rss(double[] x) {
    return sumOfSquares.run(x, none);
  }

  @Override
  public boolean normalEquationsAtTrials() {
    return normalEquations.atTrials();
  }

  @Override
  public double normalEquations(double[] x, double[] jtr, double[] jtj) {
    return normalEquations.run(x, jtr, jtj);
  }
}
