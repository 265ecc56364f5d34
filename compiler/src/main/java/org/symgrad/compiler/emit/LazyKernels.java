package org.symgrad.compiler.emit;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.Batch;

/**
 * A model's {@link DeferredKernels}, defined the first time one of them is called. A fit of
 * a few rows runs only short passes, and the long passes' eight lanes and the chunked passes
 * are most of a model's bytecode: the model class defined at compile time ({@link
 * BytecodeEmitter.Part#MODEL}) calls into a second class made here when first needed, so
 * that compiling costs what such a fit uses; until then the model keeps its lowered program,
 * which it lets go of once the class is defined. The model class reaches this through its
 * {@code later} field and calls the deferred passes' methods here, which call on into the
 * class ({@link DeferredCalls}); both are in this package, so the calls need no access check.
 * Thread-safe: racing first calls define the class once.
 */
final class LazyKernels {
  // Holds the lowered program until the class is defined, then let go of.
  private @Nullable Supplier<DeferredKernels> define;
  private volatile @Nullable DeferredKernels kernels;

  LazyKernels(Supplier<DeferredKernels> define) {
    this.define = define;
  }

  double loss(double[] params, Batch batch) {
    return get().loss(params, batch);
  }

  double lossAndGradient(double[] params, Batch batch, double[] grad) {
    return get().lossAndGradient(params, batch, grad);
  }

  void sums(double[] params, Batch batch, int from, int to, double[] sums) {
    get().sums(params, batch, from, to, sums);
  }

  void lossSums(double[] params, Batch batch, int from, int to, double[] sums) {
    get().lossSums(params, batch, from, to, sums);
  }

  double finish(double[] params, double[] sums, int rows, double[] grad) {
    return get().finish(params, sums, rows, grad);
  }

  /** The kernels, defined now if no call has defined them yet. */
  DeferredKernels get() {
    DeferredKernels defined = kernels;
    if (defined != null) {
      return defined;
    }
    synchronized (this) {
      if (kernels == null) {
        kernels = Objects.requireNonNull(define).get();
        define = null;
      }
      return kernels;
    }
  }
}
