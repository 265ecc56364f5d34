package org.symgrad.runtime.optim.lsq;

import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * One fused second-order kernel run over a whole batch: its row sums over fixed chunks on
 * {@code threads} threads ({@link ParallelObjective}), so the bits are the same for every
 * thread count, or its one loop when the kernel was too large to be chunked. Not thread-safe.
 */
final class RowSumPass {
  private final CompiledModel kernel;
  private final Batch batch;
  private final @Nullable ParallelObjective chunked;

  RowSumPass(CompiledModel kernel, Batch batch, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + ": must be at least 1");
    }
    this.kernel = kernel;
    this.batch = batch;
    this.chunked = kernel instanceof ChunkedKernels sums ? new ParallelObjective(sums, threads)
        : null;
  }

  /** The kernel's first result at {@code x}; the others go to {@code out}. */
  double run(double[] x, double[] out) {
    return chunked != null ? chunked.lossAndGradient(x, batch, out)
        : kernel.lossAndGradient(x, batch, out);
  }
}
