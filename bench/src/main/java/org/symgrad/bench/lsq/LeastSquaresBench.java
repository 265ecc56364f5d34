package org.symgrad.bench.lsq;

import java.util.concurrent.TimeUnit;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;

/**
 * Time per fit on NIST StRD problems, side by side in one run: symgrad's {@code lm} on the
 * compiled Jacobian kernel against Hipparchus' {@code LevenbergMarquardtOptimizer} given
 * hand-written Jacobians ({@link HandJacobians}), from the same official start. Compilation
 * is done once, in setup: a fit is what a program fitting thousands of curves repeats.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LeastSquaresBench {
  @Param({"Misra1a", "Chwirut2", "DanWood", "Eckerle4", "MGH09", "Rat42", "Thurber",
      "Lanczos3"})
  public String problem;

  @Param({"1", "2"})
  public int start;

  private NistData data;
  private CompiledResiduals residuals;
  private Tolerances tolerances;
  private LeastSquaresProblem hipparchus;
  private final LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer();

  @Setup
  public void setUp() {
    data = NistData.read(problem);
    ModelDefinition definition = Symgrad.parseFile(NistData.DIRECTORY.resolve(problem + ".sg"));
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = new Dataset(java.util.List.of("x", "y"), new double[][] {data.x(), data.y()})
        .batchFor(model.info(), true);
    residuals = new CompiledResiduals(model, Symgrad.compileJacobian(definition), batch);
    tolerances = Tolerances.defaults(1000);
    hipparchus = hipparchusProblem(data, start);
  }

  @Benchmark
  public SolverResult symgradLm() {
    return LevenbergMarquardt.minimize(residuals, data.start(start), tolerances);
  }

  @Benchmark
  public LeastSquaresOptimizer.Optimum hipparchusLm() {
    return optimizer.optimize(hipparchus);
  }

  /** Hipparchus' problem: residual targets y, model and Jacobian by hand, 1000 iterations. */
  static LeastSquaresProblem hipparchusProblem(NistData data, int start) {
    String name = data.name();
    double[] x = data.x();
    int n = x.length;
    int p = data.certified().length;
    MultivariateJacobianFunction model = point -> {
      double[] b = point.toArray();
      double[] values = new double[n];
      double[][] jacobian = new double[n][p];
      for (int i = 0; i < n; i++) {
        values[i] = HandJacobians.valueAndGradient(name, b, x[i], jacobian[i]);
      }
      RealVector value = new ArrayRealVector(values, false);
      RealMatrix matrix = new Array2DRowRealMatrix(jacobian, false);
      return new Pair<>(value, matrix);
    };
    return new LeastSquaresBuilder()
        .model(model)
        .target(data.y())
        .start(data.start(start))
        .maxEvaluations(100_000)
        .maxIterations(1000)
        .build();
  }
}
