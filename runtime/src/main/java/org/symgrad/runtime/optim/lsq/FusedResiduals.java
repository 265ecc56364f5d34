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
public final class FusedResiduals implements ResidualProblem {
  /**
   * The most parameters for which trial points are valued by the normal-equations kernel
   * (see {@link #normalEquationsAtTrials}): its {@code p(p+1)/2} products a row then cost at
   * most a few times the model's own work, which a refused step pays once and a taken one
   * saves (a second pass over the rows at the same point).
   */
  static final int EXPAND_AT_TRIALS_LIMIT = 10;

  private final RowSumPass normalEquations;
  private final RowSumPass sumOfSquares;
  private final int size;
  private final int rows;
  private final double[] out;
  private final double[] none = new double[0];

  /**
   * @param normalEquations the kernel of {@code SecondOrderKernel.NORMAL_EQUATIONS}
   * @param sumOfSquares the kernel of {@code SecondOrderKernel.SUM_OF_SQUARES}
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public FusedResiduals(CompiledModel normalEquations, CompiledModel sumOfSquares, Batch batch,
      int threads) {
    this.size = normalEquations.info().parameterCount();
    int sums = 1 + size + size * (size + 1) / 2;
    if (normalEquations.info().outputs() != sums || sumOfSquares.info().outputs() != 1) {
      throw new IllegalArgumentException("normal equations of " + size + " parameters sum "
          + sums + " terms and a sum of squares 1; got " + normalEquations.info().outputs()
          + " and " + sumOfSquares.info().outputs());
    }
    this.normalEquations = new RowSumPass(normalEquations, batch, threads);
    this.sumOfSquares = new RowSumPass(sumOfSquares, batch, threads);
    this.rows = batch.size();
    this.out = new double[sums - 1];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public double rss(double[] x) {
    return sumOfSquares.run(x, none);
  }

  /** Both kernels sum {@code r²} by one lowering: their {@code Σ r²} are the same bits. */
  @Override
  public boolean normalEquationsAtTrials() {
    return size <= EXPAND_AT_TRIALS_LIMIT;
  }

  @Override
  public double normalEquations(double[] x, double[] jtr, double[] jtj) {
    int p = size;
    double rss = normalEquations.run(x, out);
    System.arraycopy(out, 0, jtr, 0, p);
    Dense.unpackUpper(out, p, jtj, p);
    return rss;
  }
}
