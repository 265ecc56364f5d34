package org.symgrad.runtime.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizer;

/**
 * The fits of one {@link FitMany#fitAll} call, taken one at a time by whichever thread asks
 * next: the executor's tasks and the caller. Result {@code i} is always the fit of data set
 * {@code i}, whoever ran it, so the results do not depend on which thread took what.
 */
final class FitQueue {
  /**
   * How long the caller spins, once it has no fit left to take, before it blocks: long enough
   * that fits finishing about when its own did (a round of small fits, one a thread) do not
   * have to wake it, which costs tens of microseconds on a virtual machine, short enough to
   * cost nothing next to fits that run on.
   */
  private static final long SPIN_NANOS = 50_000;

  private final Trainer trainer;
  private final CompiledModel model;
  private final List<Dataset> data;
  private final double[] start;
  private final Supplier<? extends Optimizer> optimizers;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicBoolean cancel = new AtomicBoolean();
  // Set by an Error (out of memory): the fits not yet started are left undone, since each
  // would only hold more of a heap that is already gone, and the caller rethrows it.
  private volatile @Nullable Error abandonedBy;
  private final CountDownLatch finished;
  private final TrainingResult[] results;
  private final Throwable[] failures;

  FitQueue(Trainer trainer, CompiledModel model, List<Dataset> data, double[] start,
      Supplier<? extends Optimizer> optimizers) {
    this.trainer = trainer;
    this.model = model;
    this.data = data;
    this.start = start;
    this.optimizers = optimizers;
    finished = new CountDownLatch(data.size());
    results = new TrainingResult[data.size()];
    failures = new Throwable[data.size()];
  }

  int size() {
    return data.size();
  }

  /**
   * Stops the fits because of {@code error}: the running ones before their next epoch, the
   * others never started; {@link #runAndAwait} then throws it.
   */
  void abandon(Error error) {
    if (abandonedBy == null) {
      abandonedBy = error;
    }
    cancel.set(true);
  }

  /** Runs fits not yet taken until none is left; what an executor's task does. */
  void runUntilEmpty() {
    run(false);
  }

  /**
   * The caller's part: runs fits not yet taken, then waits for the rest; interrupting the
   * caller (before or during) cancels every fit, and the interrupt is set again on return.
   */
  List<TrainingResult> runAndAwait() {
    run(true);
    boolean interrupted = Thread.currentThread().isInterrupted();
    if (interrupted) {
      cancel.set(true);
    }
    long spinEnd = System.nanoTime() + SPIN_NANOS;
    while (finished.getCount() > 0 && System.nanoTime() - spinEnd < 0) {
      Thread.onSpinWait();
    }
    while (true) {
      try {
        finished.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // cancel, then wait on for the fits to stop
        cancel.set(true);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throwFirstFailure();
    return new ArrayList<>(Arrays.asList(results));
  }

  private void run(boolean caller) {
    for (int i = next.getAndIncrement(); i < data.size(); i = next.getAndIncrement()) {
      // The caller's own fit stops at its interrupt; this stops the others, and the fits not
      // yet started run no epoch.
      if (caller && Thread.currentThread().isInterrupted()) {
        cancel.set(true);
      }
      try {
        if (abandonedBy == null) {
          results[i] = trainer.fit(model, data.get(i), start, optimizers.get(), cancel);
        }
      } catch (Throwable failure) { // reported by the caller, after every fit has finished
        failures[i] = failure;
        if (failure instanceof Error error) {
          abandon(error);
        }
      } finally {
        finished.countDown();
      }
    }
  }

  private void throwFirstFailure() {
    Error abandoned = abandonedBy;
    if (abandoned != null) {
      throw abandoned; // not ours to wrap: out of memory and the like
    }
    RuntimeException failure = null;
    for (int i = 0; i < failures.length; i++) {
      if (failures[i] == null) {
        continue;
      }
      if (failures[i] instanceof Error error) {
        throw error; // not ours to wrap: out of memory and the like
      }
      RuntimeException cause = named(failures[i], i, failures.length);
      if (failure == null) {
        failure = cause;
      } else {
        failure.addSuppressed(cause);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException named(Throwable cause, int index, int count) {
    if (cause instanceof IllegalArgumentException) {
      return new IllegalArgumentException(
          "data set " + index + " of " + count + ": " + cause.getMessage(), cause);
    }
    return cause instanceof RuntimeException runtime ? runtime
        : new IllegalStateException("fit " + index + " failed", cause);
  }
}
