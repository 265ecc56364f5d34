package org.symgrad.runtime.optim.lsq;

import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * A compiled least-squares model's residuals seen through fused kernels: the compiler's
 * normal-equations kernel, which sums {@code Σr²}, {@code Jᵀr} and the upper triangle of
 * {@code JᵀJ} inside its row loop, and its sum-of-squares kernel for trial points. {@code J}
 * is never formed, not even a chunk of it; both run in fixed chunks on {@code threads} threads
 * with the same bits for any thread count. With the geodesic kernel it also gives the
 * residuals' curvature along a step ({@link #curvature}). Not thread-safe: one per solver run.
 */
public final class FusedResiduals extends SizedResiduals {
  private final ExpansionPass normalEquations;
  private final RowSumPass sumOfSquares;
  private final @Nullable ResidualCurvature curvature;
  private final double[] none = new double[0];

  /**
   * @param normalEquations the kernel of {@code SecondOrderKernel.NORMAL_EQUATIONS}
   * @param sumOfSquares the kernel of {@code SecondOrderKernel.SUM_OF_SQUARES}
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public FusedResiduals(CompiledModel normalEquations, CompiledModel sumOfSquares, Batch batch,
      int threads) {
    this(normalEquations, sumOfSquares, null, batch, threads);
  }

  /**
   * With the kernel of {@code SecondOrderKernel.GEODESIC} for {@link #curvature}, or null for
   * none (then {@code lm} takes no geodesic acceleration).
   */
  public FusedResiduals(CompiledModel normalEquations, CompiledModel sumOfSquares,
      @Nullable CompiledModel geodesic, Batch batch, int threads) {
    super(checkedSize(normalEquations, sumOfSquares), batch.size());
    this.normalEquations = new ExpansionPass(
        new RowSumPass(normalEquations, batch, threads)::run, size());
    this.sumOfSquares = new RowSumPass(sumOfSquares, batch, threads);
    this.curvature = geodesic == null ? null : new ResidualCurvature(geodesic, batch, threads);
    if (curvature != null && curvature.size() != size()) {
      throw new IllegalArgumentException("a geodesic kernel of " + curvature.size()
          + " parameters for normal equations of " + size());
    }
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

  @Override
  public boolean hasCurvature() {
    return curvature != null;
  }

  @Override
  public double curvature(double[] x, double[] v, double[] jtRvv) {
    if (curvature == null) {
      throw new UnsupportedOperationException("no geodesic kernel was given");
    }
    return curvature.apply(x, v, jtRvv);
  }
}
