package org.symgrad.runtime.train;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerSpec;

/**
 * Repeated fitting: one compiled model fitted to many data sets at once (per-product demand
 * curves, per-sensor calibrations), each fit on one thread: the caller's or one of an
 * executor's.
 *
 * <pre>{@code
 * CompiledModel model = cache.compile(definition);          // compiled once
 * List<TrainingResult> fits = FitMany.fitAll(trainer, model, datasets, info.initialParameters(0),
 *     Optim.sgd().lr(0.01), 2);
 * }</pre>
 *
 * <p>Each fit honours the trainer's tolerance and time limit. Interrupting the thread that
 * waits in {@code fitAll} cancels them all: each running fit stops before its next epoch and
 * one not yet started runs no epoch, all with {@link StopReason#INTERRUPTED}; {@code fitAll}
 * then returns their results with the interrupt set again.
 *
 * <p>Why this is safe: a compiled model is stateless and thread-safe, a {@link Trainer} holds
 * only immutable options, and each fit gets its own optimizer from the supplier (an optimizer
 * has state and belongs to one fit). The starting parameters are only read.
 *
 * <p>Deterministic: result {@code i} is the fit of {@code datasets.get(i)}, and it is the same,
 * bit for bit, as {@code trainer.fit} of that data set alone: a fit is a function of its inputs
 * and the options' seed, whatever the executor, thread count or timing. The trainer's
 * listeners, though, are called from every fit's thread, interleaved, and must be thread-safe.
 */
public final class FitMany {
  private FitMany() {}

  /**
   * {@link #fitAll(Trainer, CompiledModel, List, double[], Supplier, int)} with a fresh
   * optimizer of {@code spec} for each fit.
   */
  public static List<TrainingResult> fitAll(Trainer trainer, CompiledModel model,
      List<Dataset> datasets, double[] initialParams, OptimizerSpec<?> spec, int threads) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(model, "model");
    int n = model.info().parameterCount();
    return fitAll(trainer, model, datasets, initialParams, () -> spec.create(n), threads);
  }

  /**
   * Fits {@code model} to each data set on {@code threads} threads, the calling thread and a
   * pool of the others made for the call and shut down after it (none for one thread or one
   * data set); returns the results in the order of {@code datasets}.
   *
   * @throws IllegalArgumentException if {@code threads < 1}, or as {@link #fitAll(Trainer,
   *     CompiledModel, List, double[], Supplier, Executor)}
   */
  public static List<TrainingResult> fitAll(Trainer trainer, CompiledModel model,
      List<Dataset> datasets, double[] initialParams, Supplier<? extends Optimizer> optimizers,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    int others = Math.min(threads, datasets.size()) - 1; // the caller is one of the threads
    if (others <= 0) {
      return fitAll(trainer, model, datasets, initialParams, optimizers, Runnable::run);
    }
    ExecutorService pool = Executors.newFixedThreadPool(others);
    try {
      // One task a pool thread: each takes data sets until none is left, so a task a data set
      // would only queue (a million data sets, a million queued tasks) and then find nothing.
      return fitAll(trainer, model, datasets, initialParams, optimizers, pool, others);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Fits {@code model} to each data set, one task per data set on {@code executor}, with the
   * calling thread taking part, and waits for all of them; returns the results in the order of
   * {@code datasets}.
   *
   * <p>Each task, and the caller, takes the next data set no one has taken until none is left,
   * so a task that starts late finds nothing to do and returns, and fits that no task takes
   * (an executor that is busy, or refuses tasks) are run by the caller. The caller's part is why a
   * single fit, or a few, pay no thread hand-off: the first fit starts at once on the calling
   * thread, and the caller is not asleep when the others finish (it spins for a few
   * microseconds before it blocks), so a round of small fits is not lengthened by two thread
   * wake-ups, which cost more than a whole fit of a small model.
   *
   * @param initialParams where every fit starts; not changed
   * @param optimizers makes a fresh optimizer for each fit; called once per data set, on the
   *     fit's thread
   * @throws IllegalArgumentException when a fit refuses its data (no rows, a missing column…):
   *     the first such data set in list order, named by its index ({@code data set 3 of 40:
   *     …}). Any other failure of a fit is rethrown as it is. Either way only after every fit
   *     has finished, with the later failures attached as suppressed exceptions. An {@link
   *     Error} (out of memory), in a fit or in handing fits to {@code executor}, stops the
   *     others as an interrupt does, leaves the fits not yet started undone, and is rethrown
   *     once the running ones have stopped: each would only hold more of a heap already gone.
   */
  public static List<TrainingResult> fitAll(Trainer trainer, CompiledModel model,
      List<Dataset> datasets, double[] initialParams, Supplier<? extends Optimizer> optimizers,
      Executor executor) {
    return fitAll(trainer, model, datasets, initialParams, optimizers, executor,
        Integer.MAX_VALUE);
  }

  // The fits on executor, offered at most tasks tasks (one a data set below that).
  private static List<TrainingResult> fitAll(Trainer trainer, CompiledModel model,
      List<Dataset> datasets, double[] initialParams, Supplier<? extends Optimizer> optimizers,
      Executor executor, int tasks) {
    Objects.requireNonNull(trainer, "trainer");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(initialParams, "initialParams");
    Objects.requireNonNull(optimizers, "optimizers");
    Objects.requireNonNull(executor, "executor");
    FitQueue fits = new FitQueue(trainer, model, List.copyOf(datasets), initialParams,
        optimizers); // List.copyOf also refuses null data sets
    for (int i = 0; i < Math.min(fits.size(), tasks); i++) {
      try {
        executor.execute(fits::runUntilEmpty);
      } catch (RejectedExecutionException full) {
        break; // not an error: the caller runs the fits no task takes
      } catch (Error e) {
        // Out of memory while queueing: the tasks already queued must not go on fitting
        // after this call has given up, so the fits stop and the error is thrown below.
        fits.abandon(e);
        break;
      }
    }
    return fits.runAndAwait();
  }
}
