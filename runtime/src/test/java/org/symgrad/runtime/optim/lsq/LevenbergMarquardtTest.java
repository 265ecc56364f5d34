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

  // NIST's BoxBOD, y = b1 (1 - exp(-b2 x)), from its start 1 (1, 1).
  private static ResidualProblem boxBod() {
    double[] x = {1, 2, 3, 5, 7, 10};
    double[] y = {109, 149, 149, 191, 213, 224};
    return HandProblems.residuals(2, 6, b -> {
      double[] r = new double[6];
      for (int i = 0; i < 6; i++) {
        r[i] = b[0] * (1 - Math.exp(-b[1] * x[i])) - y[i];
      }
      return r;
    }, b -> {
      double[][] jac = new double[6][];
      for (int i = 0; i < 6; i++) {
        double e = Math.exp(-b[1] * x[i]);
        jac[i] = new double[] {1 - e, b[0] * x[i] * e};
      }
      return jac;
    });
  }

  @Test
  void boxBodFromItsFirstStartReachesTheCertifiedMinimum() {
    SolverResult fit = LevenbergMarquardt.minimize(boxBod(), new double[] {1, 1},
        Tolerances.defaults(200));
    assertThat(fit.converged()).isTrue();
    // NIST's certified values, to 6 significant digits.
    assertThat(fit.params()[0]).isWithin(213.80940889 * 1e-6).of(213.80940889);
    assertThat(fit.params()[1]).isWithin(0.54723748542 * 1e-6).of(0.54723748542);
  }

  @Test
  void neverTakesAStepThatRaisesTheObjective() {
    // MINPACK's first radius (factor 100) throws b2 to 110, where the second column of J
    // vanishes; the steps from there once went uphill and were taken. The fit may stop on
    // that plateau, but each accepted step must lower Σr², so the end is no worse than
    // the best point seen before it: here, b1 = mean(y) with b2 on the plateau.
    ResidualProblem problem = boxBod();
    SolverResult fit = LevenbergMarquardt.minimize(problem, new double[] {1, 1},
        new Tolerances(1e-14, 1e-14, 0, 200, 500, 100));
    double plateau = 0;
    for (double v : new double[] {109, 149, 149, 191, 213, 224}) {
      plateau += (v - 172.5) * (v - 172.5);
    }
    assertThat(2 * fit.value()).isAtMost(plateau * (1 + 1e-12));
    assertThat(fit.reason()).isNotEqualTo(Convergence.ITERATIONS);
  }

  @Test
  void zeroIterationsReturnTheStart() {
    SolverResult fit = LevenbergMarquardt.minimize(HandProblems.rosenbrock(),
        new double[] {-1.2, 1}, Tolerances.defaults(0));
    assertThat(fit.reason()).isEqualTo(Convergence.ITERATIONS);
    assertThat(fit.params()).isEqualTo(new double[] {-1.2, 1});
  }
}
