package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class SecantTermTest {
  // h is the Gauss–Newton matrix at the new point, upper triangle only (the lower is junk, as
  // in DenseModel, whose h has a stale lower triangle).
  private static final double[] H = {4, 1, 0.5, Double.NaN, 3, -1, Double.NaN, Double.NaN, 2};

  @Test
  void anUpdateMakesTheModelMatchTheGradientChangeAlongTheStep() {
    SecantTerm term = new SecantTerm(3);
    double[] s = {0.3, -0.2, 0.1};
    double[] y = {2.5, -0.4, 1.1};
    term.update(s, y, H);
    // (H + A) s = y: the secant condition, with H read from its upper triangle.
    for (int i = 0; i < 3; i++) {
      double row = 0;
      for (int j = 0; j < 3; j++) {
        double h = i <= j ? H[i * 3 + j] : H[j * 3 + i];
        row += (h + term.get(i, j)) * s[j];
      }
      assertThat(row).isWithin(1e-12).of(y[i]);
    }
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(term.get(i, j)).isEqualTo(term.get(j, i));
      }
    }
  }

  @Test
  void aStepAlongWhichTheGradientFellLeavesTheEstimateAlone() {
    SecantTerm term = new SecantTerm(3);
    double[] s = {0.3, -0.2, 0.1};
    term.update(s, new double[] {-1, 0.5, 0}, H); // yᵀs < 0: no positive curvature to match
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(term.get(i, j)).isEqualTo(0.0);
      }
    }
  }

  @Test
  void aLargeResidualFitNeedsFewerIterationsWithTheSecantTerm() {
    // r = exp(b1 t) + b2 - y on points that no such curve passes near: Σ r ∇²r is large, and
    // Gauss–Newton alone converges only linearly.
    double[] t = {0, 0.5, 1, 1.5, 2, 2.5, 3};
    double[] y = {1, 9, 0.5, 12, 2, 25, 4};
    ResidualProblem problem = HandProblems.residuals(2, t.length, x -> {
      double[] r = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        r[i] = Math.exp(x[0] * t[i]) + x[1] - y[i];
      }
      return r;
    }, x -> {
      double[][] j = new double[t.length][];
      for (int i = 0; i < t.length; i++) {
        j[i] = new double[] {t[i] * Math.exp(x[0] * t[i]), 1};
      }
      return j;
    });
    SecondOrderProblem halfSquares = LevenbergMarquardt.halfSquares(problem);
    double[] start = {0.1, 0};
    Tolerances tol = Tolerances.defaults(500);
    SolverResult gaussNewton =
        TrustRegion.minimize(new DenseModel(halfSquares, false), start, tol, true);
    SolverResult secant =
        TrustRegion.minimize(new DenseModel(halfSquares, true), start, tol, true);
    assertThat(gaussNewton.converged()).isTrue();
    assertThat(secant.converged()).isTrue();
    assertThat(secant.params()[0]).isWithin(1e-8).of(gaussNewton.params()[0]);
    assertThat(secant.params()[1]).isWithin(1e-7).of(gaussNewton.params()[1]);
    assertThat(secant.value()).isAtMost(gaussNewton.value() * (1 + 1e-12));
    assertThat(secant.iterations()).isLessThan(gaussNewton.iterations());
  }
}
