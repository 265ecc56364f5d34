package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.optim.lsq.TrustRegionNewton;

/**
 * {@code newton} by truncated conjugate gradients on the compiled Hessian-vector kernel: the
 * dense path's minimum on small models, convex and nonconvex, and a fit of 301 parameters
 * for which no Hessian kernel is compiled; the same bits on one and two threads.
 */
class MatrixFreeNewtonTest {
  @Test
  void logisticSampleReachesTheDenseMinimum() {
    ModelDefinition definition = Symgrad.parseFile(Path.of("../samples/logistic/exams.sg"));
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = Fixtures.batch(model,
        Fixtures.sampleData(Path.of("../samples/logistic/exams.sg"), definition));
    double[] start = model.info().initialParameters(0);
    SolverResult dense = TrustRegionNewton.minimize(
        SecondOrderProblems.objective(definition, batch, 1), start, Tolerances.defaults(200));
    SolverResult cg = TrustRegionNewton.minimize(
        SecondOrderProblems.matrixFree(definition, batch, 1), start, Tolerances.defaults(200));
    assertThat(dense.converged()).isTrue();
    assertThat(cg.converged()).isTrue();
    // The objective rounds by 1e-14 here (100 rows of log terms): a last step that gains
    // less than that is judged by the gradient instead, so neither path stops ~√1e-14 short
    // in the parameters. The objective agrees to the rounding; the parameters to 1e-10.
    assertThat(cg.value()).isWithin(1e-13 * Math.abs(dense.value())).of(dense.value());
    assertSameMinimum(dense.params(), cg.params(), 1e-10);
  }

  @Test
  void indefiniteStartLeavesTheSaddleWithoutNaN() {
    // The penalty ½(b⁴/4 - b²) makes the Hessian indefinite at b = 1e-3; minima at b = ±√2.
    ModelDefinition definition = Symgrad.parse("""
        input x
        target y
        param a = 0.5
        param b = 0.001
        model a * x + 0.1 * b * x^2
        loss mse
        penalty 0.5 * (b^4 / 4 - b^2)
        """, "saddle.sg");
    CompiledModel model = Symgrad.compile(definition);
    int rows = 40;
    double[][] columns = new double[2][rows];
    for (int r = 0; r < rows; r++) {
      columns[0][r] = -1 + 2.0 * r / (rows - 1);
      columns[1][r] = 1.5 * columns[0][r] + Math.sin(7.0 * r);
    }
    Batch batch = new Dataset(List.of("x", "y"), columns).batchFor(model.info(), true);
    double[] start = {0.5, 0.001};
    double[] hessian = Fixtures.compiledHessian(definition, model, batch, start);
    assertWithMessage("the start must be a saddle for this test")
        .that(hessian[0] * hessian[3] - hessian[1] * hessian[2]).isLessThan(0);
    SolverResult dense = TrustRegionNewton.minimize(
        SecondOrderProblems.objective(definition, batch, 1), start, Tolerances.defaults(200));
    SolverResult cg = TrustRegionNewton.minimize(
        SecondOrderProblems.matrixFree(definition, batch, 1), start, Tolerances.defaults(200));
    assertThat(cg.converged()).isTrue();
    assertThat(cg.dampedIterations()).isGreaterThan(0);
    for (double p : cg.params()) {
      assertThat(Double.isFinite(p)).isTrue();
    }
    assertThat(dense.converged()).isTrue();
    assertThat(cg.value()).isWithin(1e-13 * Math.abs(dense.value())).of(dense.value());
    assertSameMinimum(dense.params(), cg.params(), 1e-10);
  }

  @Test
  void fitsThreeHundredFeaturesWithoutAHessianWithTheSameBitsOnTwoThreads() {
    int features = 300;
    int rows = 900;
    ModelDefinition definition = Symgrad.parse("""
        input x[%d]
        target y
        param w[%d]
        param b
        model sum(j, w[j] * x[j]) + b
        loss mse
        """.formatted(features, features), "wide.sg");
    CompiledModel model = Symgrad.compile(definition);
    assertThat(model.info().parameterCount()).isGreaterThan(SecondOrderProblems.DENSE_HESSIAN_LIMIT);
    Random random = new Random(14);
    double[] truth = new double[features + 1];
    for (int j = 0; j <= features; j++) {
      truth[j] = random.nextGaussian();
    }
    double[][] columns = new double[features + 1][rows];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < features; j++) {
      names.add("x" + j);
    }
    names.add("y");
    for (int r = 0; r < rows; r++) {
      double y = truth[features];
      for (int j = 0; j < features; j++) {
        columns[j][r] = random.nextGaussian();
        y += truth[j] * columns[j][r];
      }
      columns[features][r] = y;
    }
    Batch batch = new Dataset(names, columns).batchFor(model.info(), true);
    double[] start = new double[features + 1];
    SolverResult one = TrustRegionNewton.minimize(
        SecondOrderProblems.matrixFree(definition, batch, 1), start, Tolerances.defaults(100));
    SolverResult two = TrustRegionNewton.minimize(
        SecondOrderProblems.matrixFree(definition, batch, 2), start, Tolerances.defaults(100));
    assertThat(one.converged()).isTrue();
    assertThat(one.value()).isWithin(1e-12).of(0);
    // The parameters are model.info()'s order: w then b, as truth holds them.
    double[] fitted = one.params();
    for (int j = 0; j <= features; j++) {
      assertWithMessage("parameter %s", j).that(fitted[j]).isWithin(1e-6).of(truth[j]);
    }
    assertThat(two.params()).isEqualTo(one.params());
    assertThat(two.value()).isEqualTo(one.value());
    assertThat(two.iterations()).isEqualTo(one.iterations());
  }

  private static void assertSameMinimum(double[] dense, double[] cg, double relative) {
    double scale = 0;
    for (double v : dense) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int j = 0; j < dense.length; j++) {
      assertWithMessage("parameter %s", j).that(cg[j]).isWithin(relative * scale).of(dense[j]);
    }
  }
}
