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
 * timed alone on the thread's CPU clock and the wall clock, and weighed in epochs: one
 * full-batch epoch of the same fit (training pass, update, validation pass) is the last row.
 *
 * <p>Two more rows say what bounds the draws from below: {@code java.util.Random}'s generator
 * alone, stepped as often, and the remainders {@code bits % bound} alone, for the same bounds,
 * from bits drawn before. The rows a seed holds out are defined by that generator and those
 * remainders ({@code nextInt(bound)}), so no split that keeps them costs less than the larger
 * of the two, plus the dealing, which moves twice an epoch's bytes.
 *
 * <p>In the trainer's package (the bench module runs on the class path) because the split's
 * parts are package-private: a bench main, not API.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar [-Drows=1000000] [-Dfraction=0.2]
 * org.symgrad.runtime.train.PreparationParts [ROUNDS]}; the first third of the rounds warm up.
 */
public final class PreparationParts {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {"draws", "allocate", "deal", "split", "split(2 thr)",
      "generator", "remainders", "epoch"};

  private PreparationParts() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rows = Integer.getInteger("rows", 1_000_000);
    double fraction = Double.parseDouble(System.getProperty("fraction", "0.2"));
    Problem problem = Problem.thermometer(rows);
    Batch all = problem.data.batchFor(problem.model.info(), true);
    int held = Split.validationCount(fraction, rows);
    Split fitSplit = Split.of(problem.data, problem.model.info(), fraction, 0);
    double[] params = {1.0, 0.0};
    double[] grad = new double[2];
    int[] bits = new int[rows];
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < rows; i++) {
      bits[i] = random.nextInt() >>> 1;
    }
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
      sink += generator(rows, held, round);
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      sink += remainders(bits, held);
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      double loss = problem.model.lossAndGradient(params, fitSplit.train(), grad);
      params[0] = Math.fma(-1e-9, grad[0], params[0]);
      params[1] = Math.fma(-1e-9, grad[1], params[1]);
      loss += problem.model.loss(params, fitSplit.validation());
      marks[m++] = System.nanoTime();
      marks[m++] = CPU.getCurrentThreadCpuTime();
      sink += split.validationRows()[0] + heldRows[held - 1] + split2.rows() + (long) loss;
      if (round >= rounds / 3) {
        for (int p = 0; p < NAMES.length; p++) {
          wall[p][round - rounds / 3] = marks[2 * p + 2] - marks[2 * p];
          cpu[p][round - rounds / 3] = marks[2 * p + 3] - marks[2 * p + 1];
        }
      }
    }
    System.out.printf(Locale.ROOT, "rows %d, %d held out, median of %d rounds [quartiles], ms;"
        + " the CPU median in epochs (sink %d)%n", rows, held, kept, sink % 10);
    double epoch = median(cpu[NAMES.length - 1]);
    for (int p = 0; p < NAMES.length; p++) {
      System.out.printf(Locale.ROOT, "%-12s wall %s  cpu %s  %5.2f epochs%n", NAMES[p],
          quartiles(wall[p]), quartiles(cpu[p]), median(cpu[p]) / epoch);
    }
  }

  /** The generator's steps of the draws, without their remainders or swaps. */
  private static long generator(int rows, int held, long seed) {
    long state = (Seeds.derive(seed, Seeds.SPLIT, 0) ^ HeldRows.MULTIPLIER) & HeldRows.MASK;
    int sum = 0;
    for (int i = rows - 1; i >= held; i--) {
      state = (state * HeldRows.MULTIPLIER + HeldRows.ADDEND) & HeldRows.MASK;
      sum += (int) (state >>> 17);
    }
    return sum + state;
  }

  /** The draws' remainders for their bounds, from bits drawn before: no generator, no swaps. */
  private static long remainders(int[] bits, int held) {
    int sum = 0;
    for (int i = bits.length - 1; i >= held; i--) {
      sum += bits[i] % (i + 1);
    }
    return sum;
  }

  private static double median(double[] nanos) {
    double[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String quartiles(double[] nanos) {
    double[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format(Locale.ROOT, "%6.2f [%6.2f, %6.2f]", sorted[n / 2] * 1e-6,
        sorted[n / 4] * 1e-6, sorted[(3 * n) / 4] * 1e-6);
  }
}
