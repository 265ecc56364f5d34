package org.symgrad.compiler.emit;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The passes a model class defined at run time leaves to a second class, defined at their
 * first call ({@link LazyKernels}): the pass without gradient, which only validation and
 * evaluation run, and the chunked passes, which only a fit on several threads runs.
 */
interface DeferredKernels extends ChunkedKernels {
  /** {@code CompiledModel.loss}. */
  double loss(double[] params, Batch batch);
}
