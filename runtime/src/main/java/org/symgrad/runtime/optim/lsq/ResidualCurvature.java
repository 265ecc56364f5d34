package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The residuals' curvature along a direction from the compiler's geodesic kernel, in one pass
 * over the rows: {@code Jᵀr_vv} and {@code rᵀr_vv}, where {@code r_vv,i = vᵀ∇²rᵢ v}, what the
 * geodesic acceleration of Levenberg–Marquardt solves for. The kernel reads the parameters and
 * then the direction from one array, which this class fills. Runs in fixed chunks on {@code
 * threads} threads with the same bits for any thread count. Not thread-safe.
 */
public final class ResidualCurvature {
  private final DirectionalPass pass;

  /**
   * @param kernel the kernel of {@code SecondOrderKernel.GEODESIC}
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads at least 1
   */
  public ResidualCurvature(CompiledModel kernel, Batch batch, int threads) {
    this.pass = new DirectionalPass(kernel, batch, threads, "geodesic");
  }

  /** The number of parameters. */
  public int size() {
    return pass.size();
  }

  /** Writes {@code Jᵀr_vv} at {@code x} along {@code v} to {@code out}; returns {@code rᵀr_vv}. */
  public double apply(double[] x, double[] v, double[] out) {
    return pass.run(x, v, out);
  }
}
