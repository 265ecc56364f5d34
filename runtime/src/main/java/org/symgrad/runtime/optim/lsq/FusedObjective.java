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
public final class FusedObjective extends KernelValued implements SecondOrderProblem {
  private final ExpansionPass newton;

  /**
   * @param newton the kernel of {@code SecondOrderKernel.NEWTON}
   * @param objective the kernel of {@code SecondOrderKernel.OBJECTIVE}
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public FusedObjective(CompiledModel newton, CompiledModel objective, Batch batch,
      int threads) {
    this(checkedSize(newton, objective, batch), new RowSumPass(newton, batch, threads)::run,
        new RowSumPass(objective, batch, threads)::run);
  }

  private FusedObjective(int size, Pass newton, Pass objective) {
    super(size, objective);
    this.newton = new ExpansionPass(newton, size);
  }

  private static int checkedSize(CompiledModel newton, CompiledModel objective, Batch batch) {
    int size = newton.info().parameterCount();
    int sums = 1 + size + size * (size + 1) / 2;
    if (newton.info().outputs() != sums || objective.info().outputs() != 1) {
      throw new IllegalArgumentException("a Newton kernel of " + size + " parameters sums "
          + sums + " terms and an objective 1; got " + newton.info().outputs() + " and "
          + objective.info().outputs());
    }
    if (batch.size() == 0) {
      throw new IllegalArgumentException("no rows to fit");
    }
    return size;
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
  public boolean derivativesAtTrials() {
    return newton.atTrials();
  }

  @Override
  public double derivatives(double[] x, double[] gradient, double[] h) {
    return newton.run(x, gradient, h);
  }
}
