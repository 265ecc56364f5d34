package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A derivative that is not finite where the objective is stops a fit as {@link
 * Convergence#NOT_FINITE_DERIVATIVES}, naming the entry, never as a non-finite objective.
 */
class NonFiniteDerivativesTest {
  private static final double[] T = {1, 2, 3};
  private static final double[] Y = {2, 4, 6.1};

  // r = a √b t - y, whose derivative in b is a t / (2 √b): infinite at b = 0.
  private static ResidualProblem rootModel() {
    return HandProblems.residuals(2, 3, x -> {
      double[] r = new double[3];
      for (int i = 0; i < 3; i++) {
        r[i] = x[0] * Math.sqrt(x[1]) * T[i] - Y[i];
      }
      return r;
    }, x -> {
      double[][] jac = new double[3][];
      for (int i = 0; i < 3; i++) {
        jac[i] = new double[] {Math.sqrt(x[1]) * T[i], x[0] * T[i] / (2 * Math.sqrt(x[1]))};
      }
      return jac;
    });
  }

  @Test
  void aGradientThatIsNotFiniteAtTheStartIsNamedWithItsParameter() {
    SolverResult fit = LevenbergMarquardt.minimize(rootModel(), new double[] {1, 0},
        Tolerances.defaults(100));

    assertThat(fit.reason()).isEqualTo(Convergence.NOT_FINITE_DERIVATIVES);
    assertThat(fit.reason().diverged()).isTrue();
    assertThat(fit.reason().label()).isEqualTo("derivatives_not_finite");
    assertThat(fit.value()).isWithin(1e-12).of(0.5 * (4 + 16 + 6.1 * 6.1));
    assertThat(fit.nonFinite()).isEqualTo(
        NonFiniteDerivative.gradient(1, Double.NEGATIVE_INFINITY));
    assertThat(fit.divergence(List.of("a", "b"), "JᵀJ")).isEqualTo("the gradient of b is "
        + "-Infinity at the starting point, where the objective is finite (" + fit.value()
        + ")");
  }

  @Test
  void aHessianEntryThatIsNotFiniteIsNamedWhenTheGradientIsFinite() {
    // f = x² + |y|^1.5: the gradient (2x, 1.5 √|y| sign y) is 0 in y at y = 0, but f_yy is not.
    SecondOrderProblem f = HandProblems.objective(2,
        x -> x[0] * x[0] + Math.pow(Math.abs(x[1]), 1.5),
        (x, gh) -> {
          gh[0][0] = 2 * x[0];
          gh[0][1] = 1.5 * Math.sqrt(Math.abs(x[1])) * Math.signum(x[1]);
          gh[1][0] = 2;
          gh[1][1] = 0;
          gh[1][2] = 0;
          gh[1][3] = 0.75 / Math.sqrt(Math.abs(x[1]));
        });
    SolverResult fit = TrustRegionNewton.minimize(f, new double[] {1, 0},
        Tolerances.defaults(100));

    assertThat(fit.reason()).isEqualTo(Convergence.NOT_FINITE_DERIVATIVES);
    assertThat(fit.nonFinite()).isEqualTo(
        new NonFiniteDerivative(1, 1, Double.POSITIVE_INFINITY));
    assertThat(fit.divergence(List.of("x", "y"), "the Hessian")).isEqualTo("the Hessian's "
        + "entry for y is Infinity at the starting point, where the objective is finite (1.0)");
  }

  @Test
  void aDerivativeThatTurnsNotFiniteLaterSaysWhereTheFitGot() {
    // (x - 2)² with a gradient that is NaN beyond 1.5: the steps towards 2 get there.
    SecondOrderProblem f = HandProblems.objective(1, x -> (x[0] - 2) * (x[0] - 2),
        (x, gh) -> {
          gh[0][0] = x[0] > 1.5 ? Double.NaN : 2 * (x[0] - 2);
          gh[1][0] = 2;
        });
    SolverResult fit = TrustRegionNewton.minimize(f, new double[] {0}, Tolerances.defaults(100));

    assertThat(fit.reason()).isEqualTo(Convergence.NOT_FINITE_DERIVATIVES);
    assertThat(fit.iterations()).isGreaterThan(1);
    assertThat(fit.params()[0]).isGreaterThan(1.5);
    int steps = fit.iterations() - 1;
    assertThat(fit.divergence(List.of("x"), "the Hessian")).startsWith("the gradient of x is "
        + "NaN at the parameters reached after " + steps + " iteration");
  }

  @Test
  void anObjectiveThatIsNotFiniteAtTheStartIsSaidSo() {
    SolverResult fit = LevenbergMarquardt.minimize(rootModel(), new double[] {1, -1},
        Tolerances.defaults(100));

    assertThat(fit.reason()).isEqualTo(Convergence.NOT_FINITE);
    assertThat(fit.reason().diverged()).isTrue();
    assertThat(fit.reason().label()).isEqualTo("objective_not_finite");
    assertThat(fit.nonFinite()).isNull();
    assertThat(fit.divergence(List.of("a", "b"), "JᵀJ"))
        .isEqualTo("the objective is not finite at the starting point (NaN)");
  }

  @Test
  void otherReasonsAreNotDivergences() {
    SolverResult fit = LevenbergMarquardt.minimize(HandProblems.rosenbrock(),
        new double[] {-1.2, 1}, Tolerances.defaults(100));
    assertThat(fit.reason().diverged()).isFalse();
    assertThat(fit.nonFinite()).isNull();
    assertThat(fit.divergence(List.of("a", "b"), "JᵀJ")).isEmpty();
    for (Convergence reason : Convergence.values()) {
      assertThat(reason.label()).matches("[a-z_+]+");
    }
    assertThat(Convergence.FTOL_XTOL.label()).isEqualTo("ftol+xtol");
  }
}
