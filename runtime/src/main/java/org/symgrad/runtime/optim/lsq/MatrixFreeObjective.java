package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * A compiled model's objective (mean loss plus penalty) for trust-region Newton without a
 * Hessian: the value from the objective kernel, the gradient from the model's own fused
 * pass, and Hessian-vector products from the Hessian-vector kernel, each a pass over the rows
 * whose per-row work grows with the parameter count, not its square. All run in fixed chunks
 * on {@code threads} threads with the same bits for any thread count. Not thread-safe.
 */
public final class MatrixFreeObjective extends KernelValued implements HessianVectorProblem {
  private final RowSumPass gradient;
  private final HessianVectorProduct product;

  /**
   * @param model the model: its {@code lossAndGradient} is the objective and its gradient
   * @param objective the kernel of {@code SecondOrderKernel.OBJECTIVE}
   * @param product the Hessian-vector product of the same model and batch
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public MatrixFreeObjective(CompiledModel model, CompiledModel objective,
      HessianVectorProduct product, Batch batch, int threads) {
    super(checkedSize(model, objective, product, batch),
        new RowSumPass(objective, batch, threads)::run);
    this.gradient = new RowSumPass(model, batch, threads);
    this.product = product;
  }

  private static int checkedSize(CompiledModel model, CompiledModel objective,
      HessianVectorProduct product, Batch batch) {
    int size = model.info().parameterCount();
    if (product.size() != size || objective.info().outputs() != 1) {
      throw new IllegalArgumentException("a model of " + size + " parameters needs an objective"
          + " kernel of 1 sum and a Hessian-vector product of " + size + "; got "
          + objective.info().outputs() + " and " + product.size());
    }
    if (batch.size() == 0) {
      throw new IllegalArgumentException("no rows to fit");
    }
    return size;
  }

  @Override
  public double gradient(double[] x, double[] g) {
    gradient.run(x, g);
    // The value from the kernel that values trial points, not the model's own: their sums
    // round differently (by 1e-14 on the exams sample), and near the minimum that difference
    // is all a step's reduction would be measured by, so good last steps would be refused.
    return value(x);
  }

  @Override
  public void hessianVector(double[] x, double[] v, double[] hv) {
    product.apply(x, v, hv);
  }
}
