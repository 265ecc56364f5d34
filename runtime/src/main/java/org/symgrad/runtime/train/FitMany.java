package org.symgrad.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerSpec;

/**
 * Repeated fitting: one compiled model fitted to many data sets at once (per-product demand
 * curves, per-sensor calibrations), each fit on its own thread of an executor.
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
   * Fits {@code model} to each data set on a pool of {@code threads} threads made for the call
   * and shut down after it; returns the results in the order of {@code datasets}.
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
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads,
        Math.max(1, datasets.size())));
    try {
      return fitAll(trainer, model, datasets, initialParams, optimizers, pool);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Fits {@code model} to each data set, one task per data set on {@code executor}, and waits
   * for all of them; returns the results in the order of {@code datasets}.
   *
   * @param initialParams where every fit starts; not changed
   * @param optimizers makes a fresh optimizer for each fit; called once per data set, on the
   *     fit's thread
   * @throws IllegalArgumentException when a fit refuses its data (no rows, a missing column…):
   *     the first such data set in list order, named by its index ({@code data set 3 of 40:
   *     …}). Any other failure of a fit is rethrown as it is. Either way only after every fit
   *     has finished, with the later failures attached as suppressed exceptions.
   */
  public static List<TrainingResult> fitAll(Trainer trainer, CompiledModel model,
      List<Dataset> datasets, double[] initialParams, Supplier<? extends Optimizer> optimizers,
      Executor executor) {
    Objects.requireNonNull(trainer, "trainer");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(initialParams, "initialParams");
    Objects.requireNonNull(optimizers, "optimizers");
    Objects.requireNonNull(executor, "executor");
    List<Dataset> data = List.copyOf(datasets); // also refuses null data sets
    List<CompletableFuture<TrainingResult>> fits = new ArrayList<>(data.size());
    AtomicBoolean cancel = new AtomicBoolean();
    for (Dataset dataset : data) {
      fits.add(CompletableFuture.supplyAsync(
          () -> trainer.fit(model, dataset, initialParams, optimizers.get(), cancel), executor));
    }
    return collect(fits, cancel);
  }

  // Waits for every fit, so that no fit still runs when this returns or throws.
  private static List<TrainingResult> collect(List<CompletableFuture<TrainingResult>> fits,
      AtomicBoolean cancel) {
    List<TrainingResult> results = new ArrayList<>(fits.size());
    RuntimeException failure = null;
    boolean interrupted = false;
    for (int i = 0; i < fits.size(); i++) {
      try {
        results.add(await(fits.get(i), cancel));
      } catch (InterruptedException e) {
        interrupted = true; // cancel raised: wait on for the fits to stop
        cancel.set(true);
        i--;
      } catch (ExecutionException | CompletionException e) {
        RuntimeException cause = named(e.getCause(), i, fits.size());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  /** The fit's result; interruptible until cancelled, then waits uninterruptibly. */
  private static TrainingResult await(CompletableFuture<TrainingResult> fit,
      AtomicBoolean cancel) throws InterruptedException, ExecutionException {
    return cancel.get() ? fit.join() : fit.get();
  }

  private static RuntimeException named(Throwable cause, int index, int count) {
    if (cause instanceof IllegalArgumentException) {
      return new IllegalArgumentException(
          "data set " + index + " of " + count + ": " + cause.getMessage(), cause);
    }
    if (cause instanceof Error error) {
      throw error; // not ours to wrap: out of memory and the like
    }
    return cause instanceof RuntimeException runtime ? runtime
        : new IllegalStateException("fit " + index + " failed", cause);
  }
}
