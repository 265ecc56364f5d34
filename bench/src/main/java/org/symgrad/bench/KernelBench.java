package org.symgrad.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.symgrad.bench.baseline.FlatInterpreter;
import org.symgrad.bench.baseline.HandWritten;
import org.symgrad.bench.baseline.HandWrittenPlain;
import org.symgrad.bench.baseline.HandWrittenSplitSums;
import org.symgrad.bench.baseline.HipparchusPeer;
import org.symgrad.bench.baseline.ModelGradient;
import org.symgrad.bench.baseline.TreeWalkingInterpreter;

/**
 * One epoch's gradient pass of the thermometer model (loss and both gradients over every row),
 * by each contender, side by side in one run: the compiled kernel, the hand-written loop (and
 * that loop as one plain running sum past the short pass, and with split sums), the two graph interpreters and Hipparchus. {@code rows = 11} is
 * the book's data; larger sizes are {@link LinearData}. Each call is one full-batch epoch, so
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is the bytes allocated per epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBench {
  @Param({"11", "10000", "1000000"})
  public int rows;

  private Problem problem;
  private double[] params;
  private double[] grad;
  private TreeWalkingInterpreter treeWalking;
  private FlatInterpreter flat;

  @Setup
  public void setUp() {
    problem = Problem.thermometer(rows);
    params = new double[] {5.37, -17.3}; // near the fit, so the losses stay ordinary numbers
    grad = new double[2];
    ModelGradient graph = ModelGradient.of(problem.definition);
    treeWalking = new TreeWalkingInterpreter(graph);
    flat = new FlatInterpreter(graph);
  }

  @Benchmark
  public double compiled() {
    return problem.model.lossAndGradient(params, problem.batch, grad);
  }

  @Benchmark
  public double handWritten() {
    return HandWritten.lossAndGradient(params, problem.tu, problem.tc, problem.rows, grad);
  }

  @Benchmark
  public double handWrittenPlain() {
    return HandWrittenPlain.lossAndGradient(params, problem.tu, problem.tc, problem.rows, grad);
  }

  @Benchmark
  public double handWrittenSplitSums() {
    return HandWrittenSplitSums.lossAndGradient(params, problem.tu, problem.tc, problem.rows,
        grad);
  }

  @Benchmark
  public double interpreterTreeWalking() {
    return treeWalking.lossAndGradient(params, problem.batch, grad);
  }

  @Benchmark
  public double interpreterFlat() {
    return flat.lossAndGradient(params, problem.batch, grad);
  }

  @Benchmark
  public double hipparchus() {
    return HipparchusPeer.lossAndGradient(params, problem.tu, problem.tc, problem.rows, grad);
  }
}
