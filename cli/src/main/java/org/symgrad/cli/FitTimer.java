package org.symgrad.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.train.FitMany;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainingResult;

/**
 * Times whole fits, as {@code symgrad bench} reports them: rounds of fits for {@code
 * warmupSeconds} (at least one round, and on until {@link #WARMUP_FITS} fits have run, for up
 * to {@link #LONGEST_WARMUP} times as long), to let the JIT compile the kernel, the loop and
 * what runs once per fit, then {@code runs} measured rounds. Warm-up is counted in time, not rounds, because a round of a
 * small model takes a millisecond and the JIT needs thousands of them, while one round of a
 * large model may take seconds.
 *
 * <p>A round is {@code fits} identical fits started together through {@link FitMany}, one
 * per thread: the timing thread's own and {@code fits - 1} of a {@link RoundPool}, so a
 * round's wall time over its epochs is what one epoch costs a fit while that many fits share
 * the machine (the trainer's own thread count, if any, is per fit). One fit runs on the timing
 * thread alone, and the others start without a thread wake-up, because at 11 rows a wake-up
 * costs a tenth of a fit and varies from round to round. Whole fits are timed rather than
 * single epochs so that the clock is read twice per round, not twice per epoch (an epoch of a
 * small model takes tens of nanoseconds).
 */
final class FitTimer {
  /** What the measured rounds gave. {@code nsPerEpoch} is sorted, one per round. */
  record Timing(int warmupRounds, double[] nsPerEpoch, long[] roundNanos,
      TrainingResult lastFit) {
    double medianNsPerEpoch() {
      return median(nsPerEpoch);
    }

    double medianRoundNanos() {
      return median(Arrays.stream(roundNanos).asDoubleStream().sorted().toArray());
    }

    private static double median(double[] sorted) {
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  private final Trainer trainer;
  private final CompiledModel model;
  private final Dataset data;
  private final double[] start;
  private final Supplier<Optimizer> optimizers;

  FitTimer(Trainer trainer, CompiledModel model, Dataset data, double[] start,
      Supplier<Optimizer> optimizers) {
    this.trainer = trainer;
    this.model = model;
    this.data = data;
    this.start = start;
    this.optimizers = optimizers;
  }

  /**
   * Fits the warm-up runs, time allowing, past its seconds: the code that runs once per fit
   * (the split, the optimizer, the checkpoint) is compiled by C2 only after some thousands of
   * calls, and until then it costs more than a whole 11-row fit. Two seconds are about 2 500
   * such fits on a loaded 2-core machine, which made {@code bench} at 11 rows 3 to 4 times
   * slower than at 6 000.
   */
  static final int WARMUP_FITS = 10_000;

  /** The warm-up goes on for {@link #WARMUP_FITS} up to this many times its seconds. */
  static final int LONGEST_WARMUP = 4;

  /** The most threads a round runs its fits on: 8 per processor; more fits queue. */
  static final int MOST_THREADS = 8 * Runtime.getRuntime().availableProcessors();

  Timing time(int fits, double warmupSeconds, int runs) {
    List<Dataset> copies = Collections.nCopies(fits, data);
    // One thread a fit up to a cap: 40 000 threads would exhaust the machine, not time it.
    int poolThreads = Math.min(fits, MOST_THREADS) - 1;
    Died died = new Died();
    ThreadPoolExecutor pool = fits == 1 ? null : RoundPool.of(poolThreads, died);
    Supplier<Executor> others = pool == null ? () -> Runnable::run
        : () -> new OneTaskAThread(pool, poolThreads);
    try {
      int warmupRounds = 0;
      long warmupStart = System.nanoTime();
      long warmupEnd = warmupStart + (long) (warmupSeconds * 1e9);
      long longestEnd = warmupStart + (long) (LONGEST_WARMUP * warmupSeconds * 1e9);
      long now;
      do {
        FitMany.fitAll(trainer, model, copies, start, optimizers, others.get());
        throwIfDied(died);
        warmupRounds++;
        now = System.nanoTime();
      } while (now < warmupEnd
          || (long) warmupRounds * fits < WARMUP_FITS && now < longestEnd);
      double[] perEpoch = new double[runs];
      long[] rounds = new long[runs];
      TrainingResult last = null;
      for (int i = 0; i < runs; i++) {
        Executor round = others.get();
        long begin = System.nanoTime();
        List<TrainingResult> fitted = FitMany.fitAll(trainer, model, copies, start, optimizers,
            round);
        rounds[i] = System.nanoTime() - begin;
        throwIfDied(died);
        last = fitted.get(0);
        // Every copy is the same fit, so they all ran the same number of epochs.
        perEpoch[i] = last.epochs() == 0 ? Double.NaN : (double) rounds[i] / last.epochs();
      }
      Arrays.sort(perEpoch);
      return new Timing(warmupRounds, perEpoch, rounds, last);
    } finally {
      if (pool != null) {
        // FitMany stops a round's fits before it throws, out of memory too; but tasks still
        // queued, when the pool's threads died of it, hold that round's results: dropped
        // here, so that the heap is free again for the message that reports it.
        pool.getQueue().clear();
        pool.shutdown();
      }
    }
  }

  // A pool thread that died outside a fit: out of memory stays one, for Main to report.
  private static void throwIfDied(Died died) {
    Throwable e = died.get();
    if (e instanceof Error error) {
      throw error;
    }
    if (e != null) {
      throw new IllegalStateException("a bench thread died", e);
    }
  }

  /**
   * Keeps the first failure that killed a pool thread. A class made before the pool, not a
   * lambda: a lambda's class is spun on its first call, which out of memory fails, and the
   * JVM then prints that failure instead.
   */
  private static final class Died extends AtomicReference<Throwable>
      implements Thread.UncaughtExceptionHandler {
    private static final long serialVersionUID = 1L;

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
      compareAndSet(null, e);
    }
  }

  /**
   * The pool as one round's executor: it takes as many tasks as the pool has threads and
   * refuses the rest. FitMany offers a task a fit, and a million queued tasks, each finding
   * nothing left to fit, would only fill the heap (tens of megabytes a round). Called by the
   * timing thread alone.
   */
  private static final class OneTaskAThread implements Executor {
    // One refusal a round: made once, since a fresh exception's stack trace would be timed.
    private static final RejectedExecutionException ENOUGH =
        new RejectedExecutionException("one task a thread");
    private final Executor pool;
    private final int threads;
    private int taken;

    OneTaskAThread(Executor pool, int threads) {
      this.pool = pool;
      this.threads = threads;
    }

    @Override
    public void execute(Runnable task) {
      if (taken == threads) {
        throw ENOUGH; // FitMany's caller runs the fits no task takes
      }
      taken++;
      pool.execute(task);
    }
  }
}
