package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * One pass of a fused kernel that reads a direction after the parameters ({@code params = θ,
 * v}) and sums {@code p + 1} terms: the Hessian-vector and geodesic kernels. It fills the one
 * array the kernel reads. Runs in fixed chunks on {@code threads} threads with the same bits
 * for any thread count. Not thread-safe.
 */
final class DirectionalPass {
  private final RowSumPass pass;
  private final int size;
  private final double[] point;

  /** {@code what} names the kernel in the message when its size is wrong. */
  DirectionalPass(CompiledModel kernel, Batch batch, int threads, String what) {
    this.size = kernel.info().parameterCount();
    if (kernel.info().outputs() != size + 1) {
      throw new IllegalArgumentException("a " + what + " kernel of " + size
          + " parameters sums " + (size + 1) + " terms, not " + kernel.info().outputs());
    }
    this.pass = new RowSumPass(kernel, batch, threads);
    this.point = new double[2 * size];
  }

  int size() {
    return size;
  }

  /** The kernel's first result at {@code x} along {@code v}; the others go to {@code out}. */
  double run(double[] x, double[] v, double[] out) {
    System.arraycopy(x, 0, point, 0, size);
    System.arraycopy(v, 0, point, size, size);
    return pass.run(point, out);
  }
}
