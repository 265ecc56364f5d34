package org.symgrad.compiler.emit;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The passes a model class defined at run time leaves to a second class, defined at their
 * first call ({@link LazyKernels}): the chunked passes, which only a fit on several threads
 * runs, and the passes over {@code Kernel.SHORT} rows or more, whose eight lanes are most of a
 * model's bytecode (the model class keeps the shorter passes: {@link
 * BytecodeEmitter.Part#shortFirst}).
 */
interface DeferredKernels extends ChunkedKernels {
  /** {@code CompiledModel.loss}. */
  double loss(double[] params, Batch batch);

  /**
   * {@code CompiledModel.lossAndGradient}, where the model class passes its long passes on
   * ({@code BytecodeEmitter.Part.shortFirst}); a model class that holds the whole pass never
   * calls this. A default, so that every deferred class implements all of this interface:
   * with the method abstract, a deferred class without it made the kernel calls of {@code
   * LargeModelsTest} allocate on HotSpot 17 (184 bytes in 20 rounds of calls).
   */
  default double lossAndGradient(double[] params, Batch batch, double[] grad) {
    throw new IllegalStateException("the model class holds its whole fused pass");
  }
}
