package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link SecondOrderProblem#derivatives} promises the matrix's upper triangle only, and the
 * dense model reads no more: what a problem leaves below the diagonal changes nothing, and
 * a non-finite entry above it stops the fit.
 */
class UpperTriangleTest {
  @Test
  void whatLiesBelowTheDiagonalChangesNothing() {
    SolverResult full = TrustRegionNewton.minimize(rosenbrock(false), START, TOL);
    SolverResult upper = TrustRegionNewton.minimize(rosenbrock(true), START, TOL);
    assertThat(full.converged()).isTrue();
    assertThat(upper.params()).isEqualTo(full.params());
    assertThat(upper.iterations()).isEqualTo(full.iterations());
    assertThat(upper.evaluations()).isEqualTo(full.evaluations());
  }

  @Test
  void aNonFiniteEntryAboveTheDiagonalStopsTheFit() {
    SecondOrderProblem broken = HandProblems.objective(2, x -> x[0] * x[0] + x[1] * x[1],
        (x, gh) -> {
          gh[0][0] = 2 * x[0];
          gh[0][1] = 2 * x[1];
          gh[1][0] = 2;
          gh[1][1] = Double.POSITIVE_INFINITY;
          gh[1][2] = 0;
          gh[1][3] = 2;
        });
    SolverResult fit = TrustRegionNewton.minimize(broken, START, TOL);
    // The objective and the gradient are finite: the reason names the matrix's entry.
    assertThat(fit.reason()).isEqualTo(Convergence.NOT_FINITE_DERIVATIVES);
    assertThat(fit.nonFinite())
        .isEqualTo(new NonFiniteDerivative(0, 1, Double.POSITIVE_INFINITY));
  }

  private static final double[] START = {-1.2, 1};
  private static final Tolerances TOL = Tolerances.defaults(200);

  // Rosenbrock's objective with its exact Hessian; the entry below the diagonal is NaN when
  // upperOnly, as a problem that fills only the upper triangle may leave it.
  private static SecondOrderProblem rosenbrock(boolean upperOnly) {
    return HandProblems.objective(2,
        x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
        (x, gh) -> {
          gh[0][0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
          gh[0][1] = 200 * (x[1] - x[0] * x[0]);
          gh[1][0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
          gh[1][1] = -400 * x[0];
          gh[1][2] = upperOnly ? Double.NaN : -400 * x[0];
          gh[1][3] = 200;
        });
  }
}
