package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The objective's Hessian times a vector from the compiler's Hessian-vector kernel, in one
 * pass over the rows and without forming the Hessian: for models whose {@code p × p} Hessian
 * is too large to store or to sum row by row. The kernel reads the parameters and then the
 * direction from one array, which this class fills. Runs in fixed chunks on {@code threads}
 * threads with the same bits for any thread count. Not thread-safe.
 */
public final class HessianVectorProduct {
  private final DirectionalPass pass;

  /**
   * @param kernel the kernel of {@code SecondOrderKernel.HESSIAN_VECTOR}
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public HessianVectorProduct(CompiledModel kernel, Batch batch, int threads) {
    this.pass = new DirectionalPass(kernel, batch, threads, "Hessian-vector");
  }

  /** The number of parameters. */
  public int size() {
    return pass.size();
  }

  /** Writes {@code H(x) v} to {@code hv} and returns {@code vᵀ∇f(x)}. */
  public double apply(double[] x, double[] v, double[] hv) {
    return pass.run(x, v, hv);
  }
}
