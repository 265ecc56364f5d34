package org.symgrad.runtime.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.symgrad.bench.Problem;
import org.symgrad.runtime.Batch;

/**
 * Where a 10⁶-row fit's preparation goes: the held-out rows' draws ({@link HeldRows#of}), the
 * allocation of the two parts' new arrays (Java zeroes them), the dealing of each column to its
 * part ({@link HeldRows#deal}) into arrays allocated before, and the whole {@link Split#of}, each
 * timed alone on the thread's CPU clock and the wall clock.
 *
 * <p>In the trainer's package (the bench module runs on the class path) because the split's
 * parts are package-private: a bench main, not API.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar [-Drows=1000000] [-Dfraction=0.2]
 * org.symgrad.runtime.train.PreparationParts [ROUNDS]}; the first third of the rounds warm up.
 */
public final class PreparationParts {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {"draws", "allocate", "deal", "split", "split(2 thr)"};

  private PreparationParts() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rows = Integer.getInteger("rows", 1_000_000);
    double fraction = Double.parseDouble(System.getProperty("fraction", "0.2"));
    Problem problem = Problem.thermometer(rows);
    Batch all = problem.data.batchFor(problem.model.info(), true);
    int held = Split.validationCount(fraction, rows);
    int kept = rounds - rounds / 3;
    double[][] wall = new double[NAMES.length][kept];
    double[][] cpu = new double[NAMES.length][kept];
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      long[] marks = new long[2 * (NAMES.length + 1)];
      int m = 0;
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      HeldRows chosen = HeldRows.of(rows, held, round);
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      double[][] train = new double[all.width()][];
      double[][] validation = new double[all.width()][];
      for (int c = 0; c < all.width(); c++) {
        train[c] = new double[rows - held];
        validation[c] = new double[held];
      }
      int[] heldRows = new int[held];
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      for (int c = 0; c < all.width(); c++) {
        if (c == 0) {
          chosen.deal(all.column(c), train[c], validation[c], heldRows);
        } else {
          chosen.deal(all.column(c), train[c], validation[c]);
        }
      }
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      Split split = Split.of(problem.data, problem.model.info(), fraction, round);
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      Split split2 = Split.of(problem.data, problem.model.info(), fraction, round, 2);
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      sink += split.validationRows()[0] + heldRows[held - 1] + split2.rows();
      if (round >= rounds / 3) {
        for (int p = 0; p < NAMES.length; p++) {
          wall[p][round - rounds / 3] = marks[2 * p + 2] - marks[2 * p];
          cpu[p][round - rounds / 3] = marks[2 * p + 3] - marks[2 * p + 1];
        }
      }
    }
    System.out.printf(Locale.ROOT, "rows %d, %d held out, median of %d rounds [quartiles], ms"
        + " (sink %d)%n", rows, held, kept, sink % 10);
    for (int p = 0; p < NAMES.length; p++) {
      System.out.printf(Locale.ROOT, "%-12s wall %s  cpu %s%n", NAMES[p],
          quartiles(wall[p]), quartiles(cpu[p]));
    }
  }

  private static String quartiles(double[] nanos) {
    double[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format(Locale.ROOT, "%6.2f [%6.2f, %6.2f]", sorted[n / 2] * 1e-6,
        sorted[n / 4] * 1e-6, sorted[(3 * n) / 4] * 1e-6);
  }
}
