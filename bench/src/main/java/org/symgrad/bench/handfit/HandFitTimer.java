package org.symgrad.bench.handfit;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times {@link HandFit} with {@code symgrad bench}'s protocol (the CLI's {@code FitTimer} and
 * {@code FitMany}): rounds for {@code warmupSeconds} (at least one, and on to 10 000 fits for
 * up to 4 times as long), then {@code runs} timed
 * rounds; a round is {@code fits} identical fits started together, one a thread (at most 8 a
 * processor, the rest queue): the timing thread takes fits itself, the others are taken by
 * {@code fits - 1} pool threads that spin between rounds, and the timing thread spins a little
 * before it blocks waiting for them. A round's wall time over its epochs is one epoch of a fit
 * while that many share the machine.
 */
final class HandFitTimer {
  /** What the timed rounds gave; {@code nsPerEpoch} sorted, one a round. */
  record Timing(int warmupRounds, double[] nsPerEpoch, long[] roundNanos,
      HandFit.Result lastFit) {
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

  static final int MOST_THREADS = 8 * Runtime.getRuntime().availableProcessors();
  // FitTimer's warm-up: its seconds, then on to 10 000 fits for up to 4 times as long.
  private static final int WARMUP_FITS = 10_000;
  private static final int LONGEST_WARMUP = 4;
  // FitMany's caller spin and RoundPool's idle spin.
  private static final long SPIN_NANOS = 50_000;
  private static final long POOL_SPIN_NANOS = 200_000;

  private final HandFitData data;
  private final double[] start;
  private final double lr;
  private final int epochs;

  HandFitTimer(HandFitData data, double[] start, double lr, int epochs) {
    this.data = data;
    this.start = start;
    this.lr = lr;
    this.epochs = epochs;
  }

  Timing time(int fits, double warmupSeconds, int runs) {
    ExecutorService pool = fits == 1 ? null : spinningPool(Math.min(fits, MOST_THREADS) - 1);
    try {
      int warmupRounds = 0;
      long warmupStart = System.nanoTime();
      long warmupEnd = warmupStart + (long) (warmupSeconds * 1e9);
      long longestEnd = warmupStart + (long) (LONGEST_WARMUP * warmupSeconds * 1e9);
      long now;
      do {
        round(fits, pool);
        warmupRounds++;
        now = System.nanoTime();
      } while (now < warmupEnd
          || (long) warmupRounds * fits < WARMUP_FITS && now < longestEnd);
      double[] perEpoch = new double[runs];
      long[] rounds = new long[runs];
      HandFit.Result last = null;
      for (int i = 0; i < runs; i++) {
        long begin = System.nanoTime();
        HandFit.Result[] round = round(fits, pool);
        rounds[i] = System.nanoTime() - begin;
        last = round[0];
        perEpoch[i] = last.epochs() == 0 ? Double.NaN : (double) rounds[i] / last.epochs();
      }
      Arrays.sort(perEpoch);
      return new Timing(warmupRounds, perEpoch, rounds, last);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /** One round: {@code fits} fits taken in turn by the pool's tasks and the calling thread. */
  private HandFit.Result[] round(int fits, ExecutorService pool) {
    HandFit.Result[] results = new HandFit.Result[fits];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(fits);
    Runnable takeFits = () -> {
      for (int i = next.getAndIncrement(); i < fits; i = next.getAndIncrement()) {
        results[i] = HandFit.fit(data, start, lr, epochs);
        finished.countDown();
      }
    };
    if (pool != null) {
      for (int i = 0; i < fits; i++) {
        pool.execute(takeFits);
      }
    }
    takeFits.run();
    long spinEnd = System.nanoTime() + SPIN_NANOS;
    while (finished.getCount() > 0 && System.nanoTime() - spinEnd < 0) {
      Thread.onSpinWait();
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return results;
  }

  /** {@code threads} daemon threads whose idle ones spin before they block, as RoundPool's. */
  private static ExecutorService spinningPool(int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>() {
          @Override
          public Runnable take() throws InterruptedException {
            long end = System.nanoTime() + POOL_SPIN_NANOS;
            do {
              Runnable task = poll();
              if (task != null) {
                return task;
              }
              Thread.onSpinWait();
            } while (System.nanoTime() - end < 0);
            return super.take();
          }
        }, task -> {
          Thread thread = new Thread(task, "hand-fit");
          thread.setDaemon(true);
          return thread;
        });
    pool.prestartAllCoreThreads();
    return pool;
  }
}
