package org.symgrad.bench.lsq;

import java.nio.file.Path;
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
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.testing.NistFile;

/**
 * Time per fit on NIST StRD problems, side by side in one run: symgrad's {@code lm} on the
 * compiled Jacobian kernel ({@code symgradLm}: J's rows per chunk, summed by the runtime), on
 * the fused normal-equations kernel ({@code symgradLmFused}: Σr², Jᵀr and JᵀJ summed in the
 * generated loop, what {@code symgrad fit} runs) and Hipparchus' {@code
 * LevenbergMarquardtOptimizer} given hand-written Jacobians ({@link HandJacobians}), from the
 * same official start. Compilation is done once, in setup: a fit is what a program fitting
 * thousands of curves repeats.
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

  /** The NIST files: {@code -Dsymgrad.nist=…}, by default as seen from the repository root. */
  static final Path DIRECTORY =
      Path.of(System.getProperty("symgrad.nist", "compiler/src/test/resources/nist"));

  private NistFile data;
  private CompiledResiduals residuals;
  private ResidualProblem fused; // what fit --optimizer lm runs: fused at these sizes
  private Tolerances tolerances;
  private LeastSquaresProblem hipparchus;
  private final LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer();

  @Setup
  public void setUp() {
    data = NistFile.read(DIRECTORY, problem);
    ModelDefinition definition = Symgrad.parseFile(DIRECTORY.resolve(problem + ".sg"));
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = data.data().batchFor(model.info(), true);
    residuals = new CompiledResiduals(model, Symgrad.compileJacobian(definition), batch);
    fused = SecondOrderProblems.residuals(definition, batch, 1);
    tolerances = Tolerances.defaults(1000);
    hipparchus = hipparchusProblem(data, start);
  }

  @Benchmark
  public SolverResult symgradLm() {
    return LevenbergMarquardt.minimize(residuals, data.start(start), tolerances);
  }

  /** The same fit on the fused normal-equations kernel, as {@code symgrad fit} runs it. */
  @Benchmark
  public SolverResult symgradLmFused() {
    return LevenbergMarquardt.minimize(fused, data.start(start), tolerances);
  }

  @Benchmark
  public LeastSquaresOptimizer.Optimum hipparchusLm() {
    return optimizer.optimize(hipparchus);
  }

  /** Hipparchus' problem: residual targets y, model and Jacobian by hand, 1000 iterations. */
  static LeastSquaresProblem hipparchusProblem(NistFile data, int start) {
    String name = data.name();
    double[] x = data.data().column("x");
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
        .target(data.response())
        .start(data.start(start))
        .maxEvaluations(100_000)
        .maxIterations(1000)
        .build();
  }
}
