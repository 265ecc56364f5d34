package org.symgrad.bench.handfit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Times {@link HandFit} with {@code symgrad bench}'s protocol (the CLI's {@code FitTimer}):
 * rounds for {@code warmupSeconds} (at least one), then {@code runs} timed rounds; a round is
 * {@code fits} identical fits started together on a fixed pool of one thread a fit (at most 8
 * a processor), each a task of its own as {@code FitMany} makes it, and waited for; a round's
 * wall time over its epochs is one epoch of a fit while that many share the machine.
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
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(fits, MOST_THREADS));
    try {
      int warmupRounds = 0;
      long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
      do {
        round(fits, pool);
        warmupRounds++;
      } while (System.nanoTime() < warmupEnd);
      double[] perEpoch = new double[runs];
      long[] rounds = new long[runs];
      HandFit.Result last = null;
      for (int i = 0; i < runs; i++) {
        long begin = System.nanoTime();
        List<HandFit.Result> round = round(fits, pool);
        rounds[i] = System.nanoTime() - begin;
        last = round.get(0);
        perEpoch[i] = last.epochs() == 0 ? Double.NaN : (double) rounds[i] / last.epochs();
      }
      Arrays.sort(perEpoch);
      return new Timing(warmupRounds, perEpoch, rounds, last);
    } finally {
      pool.shutdown();
    }
  }

  private List<HandFit.Result> round(int fits, ExecutorService pool) {
    List<CompletableFuture<HandFit.Result>> running = new ArrayList<>(fits);
    for (int i = 0; i < fits; i++) {
      running.add(CompletableFuture.supplyAsync(() -> HandFit.fit(data, start, lr, epochs),
          pool));
    }
    List<HandFit.Result> results = new ArrayList<>(fits);
    for (CompletableFuture<HandFit.Result> fit : running) {
      results.add(fit.join());
    }
    return results;
  }
}
