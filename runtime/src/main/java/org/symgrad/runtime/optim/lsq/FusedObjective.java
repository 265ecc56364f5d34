package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * A compiled model's objective (mean loss plus penalty) with its exact gradient and Hessian
 * from one fused kernel, for {@link TrustRegionNewton}: the compiler's Newton kernel sums the
 * row loss, its gradient and the upper triangle of its Hessian inside its row loop and adds
 * the penalty's parts once; its objective kernel gives the value at trial points. Both run in
 * fixed chunks on {@code threads} threads with the same bits for any thread count. Not
 * thread-safe.
 */
public final class FusedObjective implements SecondOrderProblem {
  private final Pass newton;
  private final Pass objective;
  private final int size;
  private final double[] out;
  private final double[] none = new double[0];

  /**
   * @param newton the kernel of {@code SecondOrderKernel.NEWTON}
   * @param objective the kernel of {@code SecondOrderKernel.OBJECTIVE}
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public FusedObjective(CompiledModel newton, CompiledModel objective, Batch batch,
      int threads) {
    this.size = newton.info().parameterCount();
    int sums = 1 + size + size * (size + 1) / 2;
    if (newton.info().outputs() != sums || objective.info().outputs() != 1) {
      throw new IllegalArgumentException("a Newton kernel of " + size + " parameters sums "
          + sums + " terms and an objective 1; got " + newton.info().outputs() + " and "
          + objective.info().outputs());
    }
    if (batch.size() == 0) {
      throw new IllegalArgumentException("no rows to fit");
    }
    this.newton = new RowSumPass(newton, batch, threads)::run;
    this.objective = new RowSumPass(objective, batch, threads)::run;
    this.out = new double[sums - 1];
  }

  private FusedObjective(int size, Pass newton, Pass objective) {
    this.size = size;
    this.newton = newton;
    this.objective = objective;
    this.out = new double[size + size * (size + 1) / 2];
  }

  /**
   * One evaluation of a fused kernel over all rows, however its rows are summed: returns the
   * kernel's first result and writes the others to {@code out}.
   */
  @FunctionalInterface
  public interface Pass {
    double run(double[] x, double[] out);
  }

  /**
   * The objective of {@code size} parameters from passes summed elsewhere (a cluster's chunks,
   * say): {@code newton} as the Newton kernel's pass, {@code objective} as the objective
   * kernel's, read as the constructor reads its own kernels.
   */
  public static FusedObjective of(int size, Pass newton, Pass objective) {
    return new FusedObjective(size, newton, objective);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public double value(double[] x) {
    return objective.run(x, none);
  }

  /**
   * Both kernels sum the row loss and add the penalty by the same lowering, so their values
   * are the same bits; see {@link FusedResiduals#EXPAND_AT_TRIALS_LIMIT} for the size.
   */
  @Override
  public boolean derivativesAtTrials() {
    return size <= FusedResiduals.EXPAND_AT_TRIALS_LIMIT;
  }

  @Override
  public double derivatives(double[] x, double[] gradient, double[] h) {
    int p = size;
    double value = newton.run(x, out);
    System.arraycopy(out, 0, gradient, 0, p);
    Dense.unpackUpper(out, p, h, p);
    return value;
  }
}
