package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevenbergMarquardtTest {
  @Test
  void rosenbrockFromTheClassicStartConverges() {
    SolverResult fit = LevenbergMarquardt.minimize(HandProblems.rosenbrock(),
        new double[] {-1.2, 1}, Tolerances.defaults(100));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.params()[0]).isWithin(1e-9).of(1);
    assertThat(fit.params()[1]).isWithin(1e-9).of(1);
    assertThat(fit.value()).isWithin(1e-20).of(0);
  }

  @Test
  void linearProblemIsSolvedExactlyInAFewIterations() {
    // r = a + b t - y on four points; the least-squares line by the normal equations.
    double[] t = {0, 1, 2, 3};
    double[] y = {1.0, 2.9, 5.1, 7.0};
    ResidualProblem line = HandProblems.residuals(2, 4, x -> {
      double[] r = new double[4];
      for (int i = 0; i < 4; i++) {
        r[i] = x[0] + x[1] * t[i] - y[i];
      }
      return r;
    }, x -> new double[][] {{1, 0}, {1, 1}, {1, 2}, {1, 3}});
    SolverResult fit = LevenbergMarquardt.minimize(line, new double[] {0, 0},
        Tolerances.defaults(100));
    // Closed form: slope = cov(t, y) / var(t), intercept = mean(y) - slope mean(t).
    double slope = (-1.5 * 1.0 - 0.5 * 2.9 + 0.5 * 5.1 + 1.5 * 7.0) / 5.0;
    double intercept = (1.0 + 2.9 + 5.1 + 7.0) / 4 - slope * 1.5;
    assertThat(fit.converged()).isTrue();
    assertThat(fit.iterations()).isAtMost(5);
    assertThat(fit.params()[0]).isWithin(1e-12).of(intercept);
    assertThat(fit.params()[1]).isWithin(1e-12).of(slope);
  }

  @Test
  void rankDeficientProblemStaysFiniteAndReportsDamping() {
    // r = a * b * t - y: only the product is determined, JᵀJ is singular everywhere.
    double[] t = {1, 2, 3};
    double[] y = {2, 4, 6.1};
    ResidualProblem product = HandProblems.residuals(2, 3, x -> {
      double[] r = new double[3];
      for (int i = 0; i < 3; i++) {
        r[i] = x[0] * x[1] * t[i] - y[i];
      }
      return r;
    }, x -> new double[][] {{x[1] * t[0], x[0] * t[0]}, {x[1] * t[1], x[0] * t[1]},
        {x[1] * t[2], x[0] * t[2]}});
    SolverResult fit = LevenbergMarquardt.minimize(product, new double[] {1, 1},
        Tolerances.defaults(200));
    assertThat(Double.isFinite(fit.params()[0])).isTrue();
    assertThat(Double.isFinite(fit.params()[1])).isTrue();
    assertThat(fit.dampedIterations()).isGreaterThan(0);
    double bestProduct = (2 + 8 + 18.3) / 14.0;
    assertThat(fit.params()[0] * fit.params()[1]).isWithin(1e-8).of(bestProduct);

    double[] jtr = new double[2];
    double[] jtj = new double[4];
    double rss = product.normalEquations(fit.params(), jtr, jtj);
    FitStatistics stats = FitStatistics.of(jtj, rss, 3, List.of("a", "b"));
    assertThat(stats.notIdentifiable()).hasSize(1);
    assertThat(stats.problem()).contains("not identifiable apart from");
  }

  @Test
  void zeroIterationsReturnTheStart() {
    SolverResult fit = LevenbergMarquardt.minimize(HandProblems.rosenbrock(),
        new double[] {-1.2, 1}, Tolerances.defaults(0));
    assertThat(fit.reason()).isEqualTo(Convergence.ITERATIONS);
    assertThat(fit.params()).isEqualTo(new double[] {-1.2, 1});
  }
}
