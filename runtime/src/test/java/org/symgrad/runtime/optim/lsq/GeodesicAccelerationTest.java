package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.testing.CountedResiduals;

/**
 * {@code lm}'s geodesic acceleration on a problem with hand-written {@code r_vv}: a sum of three
 * exponentials (NIST's Lanczos family, whose curved valley the acceleration is for) and a
 * rank-deficient product. It reaches the same minimum in fewer iterations; an acceleration that
 * the {@code 2‖Da‖ ≤ 0.75‖Dv‖} test refuses, or that is not finite, leaves the plain path to
 * the bit; the second solve reuses the step's factorisation.
 */
class GeodesicAccelerationTest {
  private static final int ROWS = 24;
  private static final double[] X = new double[ROWS];
  private static final double[] Y = new double[ROWS];
  private static final double[] START = {1.2, 0.3, 5.6, 5.5, 6.5, 7.6}; // Lanczos3's start 1

  static {
    for (int i = 0; i < ROWS; i++) {
      X[i] = 0.05 * i;
      double exact = 0.0951 * Math.exp(-X[i]) + 0.8607 * Math.exp(-3 * X[i])
          + 1.5576 * Math.exp(-5 * X[i]);
      Y[i] = Math.round(exact * 1e4) / 1e4; // five digits, as Lanczos3's data
    }
  }

  @Test
  void exponentialsReachTheSameMinimumInFewerIterations() {
    CountedResiduals plain = new CountedResiduals(exponentials(1).withoutCurvature());
    CountedResiduals curved = new CountedResiduals(exponentials(1));
    SolverResult without = LevenbergMarquardt.minimize(plain, START, Tolerances.defaults(1000));
    SolverResult with = LevenbergMarquardt.minimize(curved, START, Tolerances.defaults(1000));
    assertThat(without.converged()).isTrue();
    assertThat(with.converged()).isTrue();
    for (int k = 0; k < START.length; k++) {
      assertWithMessage("b%s", k + 1).that(with.params()[k])
          .isWithin(1e-7 * Math.abs(without.params()[k])).of(without.params()[k]);
    }
    assertThat(curved.curvaturePasses()).isGreaterThan(0);
    assertThat(plain.curvaturePasses()).isEqualTo(0);
    // Measured: 92 iterations and normal-equations passes without; 31 with, and 20 r_vv passes.
    assertThat(with.iterations()).isLessThan(without.iterations() / 2);
    assertThat(curved.normalEquationsPasses() + curved.curvaturePasses())
        .isLessThan(plain.normalEquationsPasses());
  }

  @Test
  void anAccelerationTooLargeIsRefusedAndThePlainPathKept() {
    // r_vv times 1e8: every acceleration fails 2‖Da‖ ≤ 0.75‖Dv‖, so each trial is x + v.
    assertRefusedEveryTime(1e8);
  }

  @Test
  void aCurvatureThatIsNotFiniteIsRefused() {
    assertRefusedEveryTime(Double.NaN);
  }

  // With r_vv times this scale the fit runs the geodesic kernel and ends on the plain bits.
  private static void assertRefusedEveryTime(double curvatureScale) {
    CountedResiduals counted = new CountedResiduals(exponentials(curvatureScale));
    SolverResult refused = LevenbergMarquardt.minimize(counted, START, Tolerances.defaults(1000));
    SolverResult plain = LevenbergMarquardt.minimize(exponentials(1).withoutCurvature(), START,
        Tolerances.defaults(1000));
    assertThat(counted.curvaturePasses()).isGreaterThan(0);
    assertSameBits(refused, plain);
  }

  @Test
  void aRankDeficientProblemStaysFinite() {
    // The exponentials with a seventh parameter that they do not read: its column of J is 0,
    // so JᵀJ is singular everywhere, and the valley still stalls the region.
    double[] start = java.util.Arrays.copyOf(START, 7);
    start[6] = 2;
    CountedResiduals counted = new CountedResiduals(exponentials(1, 7));
    SolverResult fit = LevenbergMarquardt.minimize(counted, start, Tolerances.defaults(1000));
    SolverResult plain = LevenbergMarquardt.minimize(exponentials(1, 6).withoutCurvature(),
        START, Tolerances.defaults(1000));
    for (double p : fit.params()) {
      assertThat(Double.isFinite(p)).isTrue();
    }
    assertThat(fit.dampedIterations()).isGreaterThan(0);
    assertThat(counted.curvaturePasses()).isGreaterThan(0);
    for (int k = 0; k < 6; k++) {
      assertWithMessage("b%s", k + 1).that(fit.params()[k])
          .isWithin(1e-6 * Math.abs(plain.params()[k])).of(plain.params()[k]);
    }
  }

  @Test
  void theSecondSolveUsesTheStepsFactorisation() {
    // S = [[4, 1], [1, 3]], b = (1, 2): a radius that binds, so λ > 0.
    StepSolver solver = new StepSolver(2);
    double[] s = {4, 1, 1, 3};
    solver.prepare(s, new double[] {1, 2});
    double[] q = new double[2];
    solver.solve(0.1, 0, q);
    double lambda = solver.lambda();
    assertThat(lambda).isGreaterThan(0);
    assertThat(solver.stepFactored()).isTrue();
    double[] c = {0.3, -0.7};
    double[] a = new double[2];
    solver.solveAgain(c, a);
    // (S + λI) a = -c, checked by multiplying back.
    assertThat((4 + lambda) * a[0] + a[1]).isWithin(1e-12).of(-0.3);
    assertThat(a[0] + (3 + lambda) * a[1]).isWithin(1e-12).of(0.7);
  }

  private static void assertSameBits(SolverResult actual, SolverResult expected) {
    assertThat(actual.iterations()).isEqualTo(expected.iterations());
    assertThat(actual.evaluations()).isEqualTo(expected.evaluations());
    for (int k = 0; k < expected.params().length; k++) {
      assertWithMessage("b%s", k + 1).that(Double.doubleToRawLongBits(actual.params()[k]))
          .isEqualTo(Double.doubleToRawLongBits(expected.params()[k]));
    }
  }

  // b1 e^(-b2 x) + b3 e^(-b4 x) + b5 e^(-b6 x) - y, with r_vv times curvatureScale.
  private static Curved exponentials(double curvatureScale) {
    return exponentials(curvatureScale, 6);
  }

  // The same on `size` parameters, of which those past the sixth are not read.
  private static Curved exponentials(double curvatureScale, int size) {
    java.util.function.Function<double[], double[][]> jacobian = b -> {
      double[][] j = exponentialJacobian(b);
      for (int i = 0; i < ROWS; i++) {
        j[i] = java.util.Arrays.copyOf(j[i], size);
      }
      return j;
    };
    return new Curved(HandProblems.residuals(size, ROWS, b -> {
      double[] r = new double[ROWS];
      for (int i = 0; i < ROWS; i++) {
        r[i] = -Y[i];
        for (int k = 0; k < 3; k++) {
          r[i] += b[2 * k] * Math.exp(-b[2 * k + 1] * X[i]);
        }
      }
      return r;
    }, jacobian), jacobian, (b, v) -> {
      double[] rvv = new double[ROWS];
      for (int i = 0; i < ROWS; i++) {
        for (int k = 0; k < 3; k++) {
          double e = Math.exp(-b[2 * k + 1] * X[i]);
          double a = v[2 * k];
          double c = v[2 * k + 1];
          rvv[i] += (-2 * a * c * X[i] * e + c * c * b[2 * k] * X[i] * X[i] * e)
              * curvatureScale;
        }
      }
      return rvv;
    });
  }

  private static double[][] exponentialJacobian(double[] b) {
    double[][] j = new double[ROWS][6];
    for (int i = 0; i < ROWS; i++) {
      for (int k = 0; k < 3; k++) {
        double e = Math.exp(-b[2 * k + 1] * X[i]);
        j[i][2 * k] = e;
        j[i][2 * k + 1] = -b[2 * k] * X[i] * e;
      }
    }
    return j;
  }

  /** Residuals with a hand-written {@code r_vv}, summed into {@code Jᵀr_vv}. */
  private record Curved(ResidualProblem residuals, java.util.function.Function<double[],
      double[][]> jacobian, BiFunction<double[], double[], double[]> rvv)
      implements ResidualProblem {
    @Override
    public int size() {
      return residuals.size();
    }

    @Override
    public int rows() {
      return residuals.rows();
    }

    @Override
    public double rss(double[] x) {
      return residuals.rss(x);
    }

    @Override
    public double normalEquations(double[] x, double[] jtr, double[] jtj) {
      return residuals.normalEquations(x, jtr, jtj);
    }

    @Override
    public boolean hasCurvature() {
      return true;
    }

    @Override
    public double curvature(double[] x, double[] v, double[] jtRvv) {
      double[][] j = jacobian.apply(x);
      double[] second = rvv.apply(x, v);
      java.util.Arrays.fill(jtRvv, 0);
      for (int row = 0; row < second.length; row++) {
        for (int k = 0; k < jtRvv.length; k++) {
          jtRvv[k] += j[row][k] * second[row];
        }
      }
      return Double.NaN; // rᵀr_vv: the solver does not read it
    }

    ResidualProblem withoutCurvature() {
      return residuals;
    }
  }
}
