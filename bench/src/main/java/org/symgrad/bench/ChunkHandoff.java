package org.symgrad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * What {@code --threads 2} gives over {@code --threads 1} per epoch at 10⁶ rows, and where
 * the rest goes: epochs of the thermometer's chunked passes as a fit runs them (the training
 * pass over 800 000 rows, a step, the validation pass over 200 000), on 1 and on 2 threads in
 * alternating rounds, so that changing load falls on both alike.
 *
 * <p>Per round it reports the wall time an epoch, the calling thread's CPU time an epoch (what
 * it did not hand to the helper), the helper's share of the chunks (0.5 is an even split) and
 * how long after a pass began the helper summed its first chunk (a parked thread's wake-up).
 * The ratio of each 1-thread round's wall time to the next 2-thread round's is the speed-up.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.symgrad.bench.ChunkHandoff
 * [ROUNDS [EPOCHS]]}, default 8 rounds of 400 epochs each, after a warm-up.
 */
public final class ChunkHandoff {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ChunkHandoff() {}

  /** The compiled kernels, counting who sums each chunk and when a helper first does. */
  private static final class Counting implements ChunkedKernels {
    final ChunkedKernels kernels;
    final Thread caller = Thread.currentThread();
    final AtomicLong callerChunks = new AtomicLong();
    final AtomicLong helperChunks = new AtomicLong();
    final AtomicLong firstHelp = new AtomicLong();

    Counting(ChunkedKernels kernels) {
      this.kernels = kernels;
    }

    @Override
    public int sumCount() {
      return kernels.sumCount();
    }

    @Override
    public void sums(double[] params, Batch batch, int from, int to, double[] sums) {
      if (Thread.currentThread() == caller) {
        callerChunks.incrementAndGet();
      } else {
        helperChunks.incrementAndGet();
        firstHelp.compareAndSet(0, System.nanoTime());
      }
      kernels.sums(params, batch, from, to, sums);
    }

    @Override
    public double finish(double[] params, double[] sums, int rows, double[] grad) {
      return kernels.finish(params, sums, rows, grad);
    }
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    Problem problem = Problem.thermometer(1_000_000);
    int held = 200_000;
    int trainRows = problem.rows - held;
    Batch train = Batch.of(new double[][] {Arrays.copyOf(problem.tu, trainRows),
        Arrays.copyOf(problem.tc, trainRows)}, trainRows);
    Batch validation = Batch.of(new double[][] {
        Arrays.copyOfRange(problem.tu, trainRows, problem.rows),
        Arrays.copyOfRange(problem.tc, trainRows, problem.rows)}, held);
    Counting counting = new Counting((ChunkedKernels) problem.model);
    ParallelObjective[] objectives = {new ParallelObjective(counting, 1),
        new ParallelObjective(counting, 2)};
    for (ParallelObjective objective : objectives) {
      run(objective, counting, train, validation, epochs, new long[2 * epochs]); // warm-up
    }
    System.out.printf(Locale.ROOT, "%d epochs a round: training pass over %d rows, a step, "
        + "validation pass over %d rows%n", epochs, trainRows, held);
    double[] speedUps = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      double oneThread = 0;
      for (ParallelObjective objective : objectives) {
        long[] delays = new long[2 * epochs];
        counting.callerChunks.set(0);
        counting.helperChunks.set(0);
        long wall = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        int late = run(objective, counting, train, validation, epochs, delays);
        double wallPerEpoch = (System.nanoTime() - wall) / 1e3 / epochs;
        double cpuPerEpoch = (CPU.getCurrentThreadCpuTime() - cpu) / 1e3 / epochs;
        long helper = counting.helperChunks.get();
        double share = helper / (double) (helper + counting.callerChunks.get());
        if (objective.threads() == 1) {
          oneThread = wallPerEpoch;
          System.out.printf(Locale.ROOT, "round %d, 1 thread:  wall %6.1f µs/epoch, caller "
              + "CPU %6.1f µs/epoch%n", round, wallPerEpoch, cpuPerEpoch);
        } else {
          speedUps[round] = oneThread / wallPerEpoch;
          Arrays.sort(delays, 0, late);
          System.out.printf(Locale.ROOT, "round %d, 2 threads: wall %6.1f µs/epoch, caller "
              + "CPU %6.1f µs/epoch, helper's share %.3f, helper joined %d of %d passes, "
              + "first chunk after %.1f µs (median); speed-up %.2f%n", round, wallPerEpoch,
              cpuPerEpoch, share, late, 2 * epochs,
              late == 0 ? Double.NaN : delays[late / 2] / 1e3, speedUps[round]);
        }
      }
    }
    Arrays.sort(speedUps);
    System.out.printf(Locale.ROOT, "speed-up, 2 threads over 1, median of %d rounds: %.2f "
        + "[%.2f, %.2f]%n", rounds, speedUps[rounds / 2], speedUps[rounds / 4],
        speedUps[(3 * rounds) / 4]);
  }

  /**
   * Runs {@code epochs} epochs; writes the delay of the helper's first chunk of each pass it
   * joined to {@code delays} and returns how many it joined.
   */
  private static int run(ParallelObjective objective, Counting counting, Batch train,
      Batch validation, int epochs, long[] delays) {
    double[] params = {5.37, -17.3};
    double[] grad = new double[2];
    int joined = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int pass = 0; pass < 2; pass++) {
        counting.firstHelp.set(0);
        long start = System.nanoTime();
        if (pass == 0) {
          objective.lossAndGradient(params, train, grad);
          params[0] = Math.fma(-1e-9, grad[0], params[0]); // a step too small to diverge
        } else {
          objective.loss(params, validation);
        }
        long first = counting.firstHelp.get();
        if (first != 0) {
          delays[joined++] = first - start;
        }
      }
    }
    return joined;
  }
}
