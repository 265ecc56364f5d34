package org.symgrad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * Why {@code --threads 1} is slower than the plain one-thread fit at 10⁶ rows: an epoch's two
 * passes (training over 800 000 rows with the gradient, validation over 200 000 rows) on the
 * thread's CPU clock, four ways in alternating rounds: both passes as the model's one fused
 * loop ({@code plain}); both chunked on one thread ({@code chunked}, what {@code --threads 1}
 * runs); the training pass chunked and the validation the fused loss-only loop ({@code
 * chunked+loss}); and each pass alone, to see which one the difference is in.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.symgrad.bench.OneThreadChunks
 * [ROUNDS [EPOCHS]]}, default 10 rounds of 200 epochs, after a warm-up round.
 */
public final class OneThreadChunks {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {
    "plain (fused train + fused loss)", "chunked (train + validation)",
    "chunked train + fused loss", "fused train alone", "chunked train alone",
    "fused loss alone (val)", "chunked loss alone (val)"};

  private OneThreadChunks() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Problem problem = Problem.thermometer(1_000_000);
    Batch train = part(problem, 0, 800_000);
    Batch validation = part(problem, 800_000, 1_000_000);
    CompiledModel model = problem.model;
    ParallelObjective chunked = new ParallelObjective((ChunkedKernels) model, 1);
    double[] params = Thermometer.start();
    double[] grad = new double[params.length];
    double[][] perEpoch = new double[NAMES.length][rounds];
    double sink = 0;
    for (int round = -1; round < rounds; round++) {
      for (int way = 0; way < NAMES.length; way++) {
        long start = CPU.getCurrentThreadCpuTime();
        for (int e = 0; e < epochs; e++) {
          sink += switch (way) {
            case 0 -> model.lossAndGradient(params, train, grad) + model.loss(params, validation);
            case 1 -> chunked.lossAndGradient(params, train, grad)
                + chunked.loss(params, validation);
            case 2 -> chunked.lossAndGradient(params, train, grad)
                + model.loss(params, validation);
            case 3 -> model.lossAndGradient(params, train, grad);
            case 4 -> chunked.lossAndGradient(params, train, grad);
            case 5 -> model.loss(params, validation);
            default -> chunked.loss(params, validation);
          };
        }
        if (round >= 0) {
          perEpoch[way][round] = (CPU.getCurrentThreadCpuTime() - start) / 1e3 / epochs;
        }
      }
    }
    System.out.printf(Locale.ROOT, "µs an epoch on the thread's CPU clock, median of %d rounds of"
        + " %d epochs [min, max] (sink %s)%n", rounds, epochs, Double.isNaN(sink) ? "NaN" : "ok");
    for (int way = 0; way < NAMES.length; way++) {
      double[] sorted = perEpoch[way].clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%-34s %7.1f [%7.1f, %7.1f]%n", NAMES[way],
          sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
    }
  }

  private static Batch part(Problem problem, int from, int to) {
    return Batch.of(new double[][] {
      Arrays.copyOfRange(problem.tu, from, to), Arrays.copyOfRange(problem.tc, from, to)},
        to - from);
  }
}
