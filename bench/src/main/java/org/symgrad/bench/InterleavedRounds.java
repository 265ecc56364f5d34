package org.symgrad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ratios that a loaded machine cannot bias: contenders measured in interleaved blocks of about
 * 5 ms, in rotating order, on the thread's CPU clock. Every round runs each contender for the
 * same number of calls within a few milliseconds of the others, and counts only the CPU time
 * the thread got, so drifting load and descheduling fall on all sides alike; the median over
 * rounds of each contender's time over the first one's is printed, with its quartiles. Used by
 * {@link Interleaved} (kernels, fit loops) and {@code handfit.FitRatios} (whole fits).
 */
public final class InterleavedRounds {
  private static final long BLOCK_NANOS = 5_000_000;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static volatile double sink;

  /** Runs its contender {@code calls} times in its own loop and returns the summed results. */
  public interface Block {
    double run(int calls);
  }

  /** A named contender; the first of a comparison is the reference the others are over. */
  public record Contender(String name, Block block) {}

  private InterleavedRounds() {}

  /**
   * Prints {@code title}, then each contender's median ratio to the first over {@code rounds}
   * rounds, after a warm-up of {@code rounds / 4 + 20} rounds, or more until each contender has
   * run {@code warmupCalls} calls.
   *
   * @param probeCalls calls of the reference run once before a block's size is chosen
   */
  public static void compare(String title, List<Contender> contenders, int rounds,
      int probeCalls, int warmupCalls) {
    int calls = callsPerBlock(contenders.get(0).block(), probeCalls);
    int warmup = Math.max(rounds / 4 + 20, (warmupCalls + calls - 1) / calls);
    for (int w = 0; w < warmup; w++) { // let C2 compile every side
      contenders.forEach(c -> time(c.block(), calls));
    }
    int k = contenders.size();
    double[][] ratios = new double[k][rounds];
    long[] nanos = new long[k];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < k; i++) {
        int which = (r + i) % k; // rotate who goes first
        nanos[which] = time(contenders.get(which).block(), calls);
      }
      for (int i = 0; i < k; i++) {
        ratios[i][r] = (double) nanos[i] / nanos[0];
      }
    }
    System.out.println(title + " (" + calls + " calls a block):");
    for (int i = 1; i < k; i++) {
      double[] sorted = ratios[i].clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "  %-18s %.3f  [%.3f, %.3f]%n", contenders.get(i).name(),
          sorted[rounds / 2], sorted[rounds / 4], sorted[3 * rounds / 4]);
    }
  }

  // Enough calls of the reference to fill a block, at least one.
  private static int callsPerBlock(Block block, int probeCalls) {
    time(block, probeCalls);
    long once = Math.max(1, time(block, 10) / 10);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, BLOCK_NANOS / once));
  }

  private static long time(Block block, int calls) {
    long start = CPU.getCurrentThreadCpuTime();
    sink += block.run(calls);
    return CPU.getCurrentThreadCpuTime() - start;
  }
}
