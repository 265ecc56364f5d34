package org.symgrad.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizer;

/**
 * Repeated fitting: one compiled model fitted to many data sets at once (per-product demand
 * curves, per-sensor calibrations), each fit on its own thread of an executor.
 *
 * <pre>{@code
 * CompiledModel model = cache.compile(definition);          // compiled once
 * List<TrainingResult> fits = FitMany.fitAll(trainer, model, datasets, info.initialParameters(0),
 *     () -> Optimizers.create("sgd", n, Map.of("lr", "0.01")), 2);
 * }</pre>
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
    for (Dataset dataset : data) {
      fits.add(CompletableFuture.supplyAsync(
          () -> trainer.fit(model, dataset, initialParams, optimizers.get()), executor));
    }
    return collect(fits);
  }

  // Waits for every fit, so that no fit still runs when this returns or throws.
  private static List<TrainingResult> collect(List<CompletableFuture<TrainingResult>> fits) {
    List<TrainingResult> results = new ArrayList<>(fits.size());
    RuntimeException failure = null;
    for (int i = 0; i < fits.size(); i++) {
      try {
        results.add(fits.get(i).join());
      } catch (CompletionException e) {
        RuntimeException cause = named(e.getCause(), i, fits.size());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
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
