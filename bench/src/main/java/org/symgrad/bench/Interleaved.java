package org.symgrad.bench;

import java.util.Arrays;
import java.util.List;
import org.symgrad.bench.InterleavedRounds.Contender;
import org.symgrad.bench.baseline.HandWritten;
import org.symgrad.bench.baseline.HandWrittenPlain;
import org.symgrad.bench.baseline.HandWrittenSplitSums;
import org.symgrad.bench.baseline.IrTransliteration;
import org.symgrad.bench.vector.VectorReference;

/**
 * Ratios that a loaded machine cannot bias: the compiled kernel and its references measured in
 * interleaved blocks of about 5 ms, in rotating order, on the thread's CPU clock.
 *
 * <p>Why not JMH alone: JMH measures one benchmark after the other, each for seconds, so when
 * other processes' load changes during a run (it does on a shared machine) one side can get a
 * quiet minute and the other a busy one; the table's compiled/hand-written ratio moved between
 * 0.64 and 1.8 that way. Here every round runs each contender for the same number of calls
 * within a few milliseconds of the others, and counts only the CPU time the thread got, so
 * drifting load and descheduling fall on all sides alike; the median over rounds of each
 * contender's time over the hand-written loop's is reported, with its quartiles.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * org.symgrad.bench.Interleaved [ROUNDS [fits]]} (the module for the Vector API contender).
 */
public final class Interleaved {
  private Interleaved() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    System.out.println("median of " + rounds + " interleaved rounds, thread CPU time; "
        + "ratio to the hand-written loop [quartiles]");
    boolean fitsOnly = args.length > 1 && args[1].equals("fits"); // the Trainer's ratios alone
    // -Drows=11,32 measures other batch sizes than the record's.
    int[] sizes = Arrays.stream(System.getProperty("rows", "11,10000,1000000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    for (int rows : fitsOnly ? new int[0] : sizes) {
      compare("kernel, N = " + rows, kernels(Problem.thermometer(rows)), rounds);
    }
    compare("fit of " + Thermometer.EPOCHS + " epochs, N = 11", fits(), rounds);
  }

  private static List<Contender> kernels(Problem p) {
    double[] params = {5.37, -17.3};
    double[] grad = new double[2];
    // Each block has its own loop, so the JIT inlines its one kernel as JMH's loop would; the
    // results are summed and returned, so no part of a kernel is dead code.
    return List.of(
        new Contender("hand-written", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += HandWritten.lossAndGradient(params, p.tu, p.tc, p.rows, grad);
          }
          return sum;
        }),
        new Contender("compiled", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += p.model.lossAndGradient(params, p.batch, grad);
          }
          return sum;
        }),
        new Contender("plain loop", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += HandWrittenPlain.lossAndGradient(params, p.tu, p.tc, p.rows, grad);
          }
          return sum;
        }),
        new Contender("IR in javac", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += IrTransliteration.lossAndGradient(params, p.batch, grad);
          }
          return sum;
        }),
        new Contender("split sums", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += HandWrittenSplitSums.lossAndGradient(params, p.tu, p.tc, p.rows, grad);
          }
          return sum;
        }),
        new Contender("Vector API", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += VectorReference.lossAndGradient(params, p.tu, p.tc, p.rows, grad);
          }
          return sum;
        }));
  }

  private static List<Contender> fits() {
    FitBench bench = new FitBench();
    bench.epochs = Thermometer.EPOCHS;
    bench.setUp();
    return List.of(
        new Contender("hand-written loop", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += bench.handWrittenLoop();
          }
          return sum;
        }),
        new Contender("compiled loop", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += bench.compiledLoop();
          }
          return sum;
        }),
        new Contender("Trainer", calls -> {
          double sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += bench.trainer().trainLoss();
          }
          return sum;
        }));
  }

  private static void compare(String title, List<Contender> contenders, int rounds) {
    InterleavedRounds.compare(title, contenders, rounds, 1000, 0);
  }
}
