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
import org.symgrad.bench.baseline.HandWrittenMlp;
import org.symgrad.bench.baseline.HandWrittenWideLinear;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Models with vector parameters against their hand-written limits: the 13-unit MLP, and the
 * wide linear model at 1000 and 10 000 features, compiled as symgrad compiles them (index sums
 * as loops, rows in blocks) and, for the wide model, also with its rows one at a time as before
 * blocks, and fully unrolled as before loops (split into helpers), so that one run shows what
 * each step buys.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ArrayModelBench {

  /** The MLP on the book's 11 readings or on synthetic ones. */
  @State(Scope.Thread)
  public static class Mlp {
    @Param({"11", "10000"})
    public int rows;

    Problem problem;
    CompiledModel compiled;
    Batch batch;
    double[] params;
    double[] grad = new double[HandWrittenMlp.PARAMETERS];
    double[] hidden = new double[HandWrittenMlp.HIDDEN];

    @Setup
    public void setUp() {
      problem = Problem.thermometer(rows);
      compiled = Symgrad.compile(ModelParser.parse(HandWrittenMlp.MODEL, "mlp13.sg"));
      batch = problem.data.batchFor(compiled.info(), true);
      params = new java.util.Random(LinearData.SEED).doubles(HandWrittenMlp.PARAMETERS, -1, 1)
          .toArray();
    }
  }

  /** {@code features} columns × {@link #ROWS} rows, stored as symgrad stores data. */
  @State(Scope.Thread)
  public static class Wide {
    static final int ROWS = 500;

    @Param({"1000", "10000"})
    public int features;

    double[][] x;
    double[] y;
    double[] params;
    double[] grad;
    double[] residual = new double[ROWS];
    Batch batch;
    CompiledModel compiled;
    CompiledModel unrolled;
    CompiledModel rowByRow;

    @Setup
    public void setUp() {
      x = HandWrittenWideLinear.features(features, ROWS, LinearData.SEED);
      y = HandWrittenWideLinear.target(x, LinearData.SEED);
      params = new java.util.Random(LinearData.SEED).doubles(features + 1, -0.1, 0.1)
          .toArray();
      grad = new double[features + 1];
      double[][] columns = java.util.Arrays.copyOf(x, features + 1);
      columns[features] = y;
      batch = Batch.of(columns, ROWS);
      ModelDefinition model = ModelParser.parse(HandWrittenWideLinear.model(features),
          "wide.sg");
      compiled = Symgrad.compile(model);
      unrolled = ModelClassDefiner.define(Lowering.lower(model, 7900, Integer.MAX_VALUE));
      // Loops from 16 instances, as Symgrad.compile rolls them, but rows one at a time.
      rowByRow = ModelClassDefiner.define(Lowering.lower(model, 7900, 16, false));
    }
  }

  @Benchmark
  public double mlp13HandWritten(Mlp s) {
    return HandWrittenMlp.lossAndGradient(s.params, s.problem.tu, s.problem.tc, s.problem.rows,
        s.grad, s.hidden);
  }

  @Benchmark
  public double mlp13Compiled(Mlp s) {
    return s.compiled.lossAndGradient(s.params, s.batch, s.grad);
  }

  @Benchmark
  public double wideHandWritten(Wide s) {
    return HandWrittenWideLinear.lossAndGradient(s.params, s.x, s.y, Wide.ROWS, s.grad,
        s.residual);
  }

  @Benchmark
  public double wideCompiled(Wide s) {
    return s.compiled.lossAndGradient(s.params, s.batch, s.grad);
  }

  @Benchmark
  public double wideRowByRow(Wide s) {
    return s.rowByRow.lossAndGradient(s.params, s.batch, s.grad);
  }

  @Benchmark
  public double wideUnrolled(Wide s) {
    return s.unrolled.lossAndGradient(s.params, s.batch, s.grad);
  }
}
