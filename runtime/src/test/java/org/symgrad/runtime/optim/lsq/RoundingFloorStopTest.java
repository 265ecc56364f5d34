package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rounding-floor stop of {@link TrustRegion}: a refused undamped step whose model promises
 * less than {@code ftol}, and that did not lower the objective, ends the fit on {@code ftol}
 * with the point kept, instead of refusing ever shorter steps until {@code xtol}.
 */
class RoundingFloorStopTest {
  // Residuals x - 1 and 1: the minimum is f = 1 at x = 1. Near it the Gauss–Newton step
  // promises ~1e-16 of f, far below ftol. The trial pass (rss) rounds 1e-12 of f high, more
  // than ftol, as a kernel summing in another order can near a floor; the normal equations
  // are exact. So no trial ever lowers f: the fit is at its rounding floor from the start.
  private static final double START = 1 + 1e-8;

  private static ResidualProblem floor() {
    ResidualProblem exact = HandProblems.residuals(1, 2, x -> new double[] {x[0] - 1, 1},
        x -> new double[][] {{1}, {0}});
    return new ResidualProblem() {
      @Override
      public int size() {
        return 1;
      }

      @Override
      public int rows() {
        return 2;
      }

      @Override
      public double rss(double[] x) {
        return exact.rss(x) * (1 + 1e-12);
      }

      @Override
      public double normalEquations(double[] x, double[] jtr, double[] jtj) {
        return exact.normalEquations(x, jtr, jtj);
      }
    };
  }

  private static Tolerances withFactor(double factor) {
    Tolerances d = Tolerances.defaults(100);
    return new Tolerances(d.ftol(), d.xtol(), d.gtol(), d.maxIterations(), d.maxEvaluations(),
        factor);
  }

  @Test
  void aRefusedUndampedStepBelowFtolStopsAtOnceAndKeepsThePoint() {
    SolverResult fit = LevenbergMarquardt.minimize(floor(), new double[] {START},
        withFactor(Tolerances.DEFAULT_FACTOR));
    assertThat(fit.reason()).isEqualTo(Convergence.FTOL);
    assertThat(fit.iterations()).isEqualTo(1);
    assertThat(fit.evaluations()).isEqualTo(2); // the start and the one refused trial
    assertThat(fit.params()[0]).isEqualTo(START);
    assertThat(fit.dampedIterations()).isEqualTo(0);
  }

  @Test
  void aRefusedDampedStepDoesNotStopOnFtol() {
    // A first radius of 1e-10 of ‖D x₀‖ cuts the 1e-8 Gauss–Newton step: every trial is damped,
    // and a damped step's small promise says nothing about the floor. lmder's rule applies:
    // the region shrinks with each refusal until xtol.
    SolverResult fit = LevenbergMarquardt.minimize(floor(), new double[] {START},
        withFactor(1e-10));
    assertThat(fit.reason()).isEqualTo(Convergence.XTOL);
    assertThat(fit.evaluations()).isGreaterThan(2);
    assertThat(fit.params()[0]).isEqualTo(START);
  }
}
