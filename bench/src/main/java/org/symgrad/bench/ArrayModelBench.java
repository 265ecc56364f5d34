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

/**
 * Models with vector parameters: the 13-unit MLP and the 1000-feature linear model. Only their
 * hand-written limits for now; the compiled variants ({@link HandWrittenMlp#MODEL}, {@link
 * HandWrittenWideLinear#model}) join this class when the compiler has vector parameters.
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
    double[] params;
    double[] grad = new double[HandWrittenMlp.PARAMETERS];
    double[] hidden = new double[HandWrittenMlp.HIDDEN];

    @Setup
    public void setUp() {
      problem = Problem.thermometer(rows);
      params = new java.util.Random(LinearData.SEED).doubles(HandWrittenMlp.PARAMETERS, -1, 1)
          .toArray();
    }
  }

  /** 1000 features × 1000 rows (8 MB of columns). */
  @State(Scope.Thread)
  public static class Wide {
    static final int FEATURES = 1000;
    static final int ROWS = 1000;

    double[][] x;
    double[] y;
    double[] params = new double[FEATURES + 1];
    double[] grad = new double[FEATURES + 1];
    double[] residual = new double[ROWS];

    @Setup
    public void setUp() {
      x = HandWrittenWideLinear.features(FEATURES, ROWS, LinearData.SEED);
      y = HandWrittenWideLinear.target(x, LinearData.SEED);
    }
  }

  @Benchmark
  public double mlp13HandWritten(Mlp s) {
    return HandWrittenMlp.lossAndGradient(s.params, s.problem.tu, s.problem.tc, s.problem.rows,
        s.grad, s.hidden);
  }

  @Benchmark
  public double wide1000HandWritten(Wide s) {
    return HandWrittenWideLinear.lossAndGradient(s.params, s.x, s.y, Wide.ROWS, s.grad,
        s.residual);
  }
}
