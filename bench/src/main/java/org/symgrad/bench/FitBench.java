package org.symgrad.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.symgrad.bench.baseline.HandWritten;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * Whole thermometer fits per second on one thread: the book's fit (SGD, lr 0.01, from
 * {@code [1, 0]}, all 11 rows, no validation) of {@code epochs} epochs, through the {@link
 * Trainer} (which also records the loss history, checks for divergence and evaluates the final
 * loss), through a minimal loop around the compiled kernel, and by the hand-written loop.
 *
 * <p>{@code epochs = 1} is there for {@code -prof gc}: a fit's bytes at 5000 epochs minus its
 * bytes at 1, over 4999, is what each epoch allocates, apart from the fit's fixed setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FitBench {
  @Param({"5000"})
  public int epochs;

  private Problem problem;
  private Trainer trainer;
  final double[] params = new double[2]; // the loops' result, read by FitLoopsTest
  private final double[] grad = new double[2];

  @Setup
  public void setUp() {
    problem = Problem.thermometer(11);
    trainer = new Trainer(TrainerOptions.builder().epochs(epochs).validationFraction(0).build());
  }

  @Benchmark
  public TrainingResult trainer() {
    return trainer.fit(problem.model, problem.data, Thermometer.start(),
        Optimizers.create("sgd", 2, Map.of("lr", Double.toString(Thermometer.LR))));
  }

  @Benchmark
  public double compiledLoop() {
    params[0] = 1.0;
    params[1] = 0.0;
    double loss = Double.NaN;
    for (int epoch = 0; epoch < epochs; epoch++) {
      loss = problem.model.lossAndGradient(params, problem.batch, grad);
      // The runtime SGD's update, rounded as it rounds it (one fused multiply-add).
      params[0] = Math.fma(-Thermometer.LR, grad[0], params[0]);
      params[1] = Math.fma(-Thermometer.LR, grad[1], params[1]);
    }
    return loss;
  }

  @Benchmark
  public double handWrittenLoop() {
    params[0] = 1.0;
    params[1] = 0.0;
    return HandWritten.fit(params, problem.tu, problem.tc, problem.rows, Thermometer.LR, epochs,
        grad);
  }
}
