package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class SteihaugNewtonTest {
  /** A dense problem seen only through Hessian-vector products. */
  static HessianVectorProblem matrixFree(SecondOrderProblem dense) {
    int n = dense.size();
    return new HessianVectorProblem() {
      private final double[] h = new double[n * n];

      @Override
      public int size() {
        return n;
      }

      @Override
      public double value(double[] x) {
        return dense.value(x);
      }

      @Override
      public double gradient(double[] x, double[] g) {
        return dense.derivatives(x, g, h);
      }

      @Override
      public void hessianVector(double[] x, double[] v, double[] hv) {
        dense.derivatives(x, new double[n], h);
        Dense.symmetrize(h, n);
        for (int i = 0; i < n; i++) {
          hv[i] = 0;
          for (int j = 0; j < n; j++) {
            hv[i] += h[i * n + j] * v[j];
          }
        }
      }
    };
  }

  static SecondOrderProblem rosenbrock() {
    return HandProblems.objective(2,
        x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
        (x, gh) -> {
          gh[0][0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
          gh[0][1] = 200 * (x[1] - x[0] * x[0]);
          gh[1][0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
          gh[1][1] = -400 * x[0];
          gh[1][2] = -400 * x[0];
          gh[1][3] = 200;
        });
  }

  // Σ log(1 + exp(aᵢ·x)) - bᵢ aᵢ·x + ½ μ‖x‖² over fixed rows: smooth, strictly convex.
  static SecondOrderProblem logistic(int n) {
    int rows = 3 * n;
    double[][] a = new double[rows][n];
    double[] label = new double[rows];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        a[r][j] = Math.sin(1.7 * r + 0.9 * j + 0.3 * r * j);
      }
      label[r] = Math.cos(2.3 * r) > 0 ? 1 : 0;
    }
    double mu = 1e-2;
    return HandProblems.objective(n, x -> {
      double f = 0;
      for (int r = 0; r < rows; r++) {
        double z = Dense.dot(a[r], x, n);
        f += Math.log1p(Math.exp(z)) - label[r] * z;
      }
      return f + 0.5 * mu * Dense.dot(x, x, n);
    }, (x, gh) -> {
      java.util.Arrays.fill(gh[0], 0);
      java.util.Arrays.fill(gh[1], 0);
      for (int r = 0; r < rows; r++) {
        double sigma = 1 / (1 + Math.exp(-Dense.dot(a[r], x, n)));
        for (int i = 0; i < n; i++) {
          gh[0][i] += (sigma - label[r]) * a[r][i];
          for (int j = 0; j < n; j++) {
            gh[1][i * n + j] += sigma * (1 - sigma) * a[r][i] * a[r][j];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        gh[0][i] += mu * x[i];
        gh[1][i * n + i] += mu;
      }
    });
  }

  @Test
  void rosenbrockConvergesWithoutAHessian() {
    SolverResult fit = TrustRegionNewton.minimize(matrixFree(rosenbrock()),
        new double[] {-1.2, 1}, Tolerances.defaults(500));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.params()[0]).isWithin(1e-8).of(1);
    assertThat(fit.params()[1]).isWithin(1e-8).of(1);
  }

  @Test
  void convexProblemReachesTheDenseMinimum() {
    SecondOrderProblem problem = logistic(12);
    double[] start = new double[12];
    SolverResult dense = TrustRegionNewton.minimize(problem, start, Tolerances.defaults(200));
    SolverResult cg = TrustRegionNewton.minimize(matrixFree(problem), start,
        Tolerances.defaults(200));
    assertThat(dense.converged()).isTrue();
    assertThat(cg.converged()).isTrue();
    double scale = 0;
    for (double v : dense.params()) {
      scale = Math.max(scale, Math.abs(v));
    }
    // Both accept steps on the objective's values: a last step gaining less than their
    // rounding is refused, so the parameters agree to about √ε, the objective to rounding.
    assertThat(cg.value()).isWithin(1e-14 * dense.value()).of(dense.value());
    for (int j = 0; j < 12; j++) {
      assertThat(cg.params()[j]).isWithin(1e-7 * scale).of(dense.params()[j]);
    }
  }

  @Test
  void leavesASaddleAlongNegativeCurvature() {
    // f = x² - y² + y⁴/4: the Hessian at the start is indefinite; minima at y = ±√2.
    SecondOrderProblem saddle = HandProblems.objective(2,
        x -> x[0] * x[0] - x[1] * x[1] + Math.pow(x[1], 4) / 4,
        (x, gh) -> {
          gh[0][0] = 2 * x[0];
          gh[0][1] = -2 * x[1] + Math.pow(x[1], 3);
          gh[1][0] = 2;
          gh[1][1] = 0;
          gh[1][2] = 0;
          gh[1][3] = -2 + 3 * x[1] * x[1];
        });
    SolverResult fit = TrustRegionNewton.minimize(matrixFree(saddle),
        new double[] {0.5, 1e-3}, Tolerances.defaults(200));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.dampedIterations()).isGreaterThan(0);
    assertThat(Math.abs(fit.params()[1])).isWithin(1e-7).of(Math.sqrt(2));
    assertThat(fit.params()[0]).isWithin(1e-7).of(0);
  }

  @Test
  void stepOnAPositiveDefiniteModelIsNewtonsInsideTheRegion() {
    // S = [[4, 1], [1, 3]], b = 1e-8·(1, 2): CG ends at -S⁻¹b in two iterations (a gradient
    // this small asks for a residual below 1e-4 of it, which one iteration does not reach).
    SecondOrderProblem quadratic = HandProblems.objective(2, x -> 0.0, (x, gh) -> {
      gh[1][0] = 4;
      gh[1][1] = 1;
      gh[1][2] = 1;
      gh[1][3] = 3;
    });
    SteihaugModel model = new SteihaugModel(matrixFree(quadratic));
    model.expand(new double[2], new double[2]);
    double[] b = {1e-8, 2e-8};
    model.prepare(new double[] {1, 1}, b);
    double[] q = new double[2];
    model.solve(100, 0, q);
    assertThat(q[0]).isWithin(1e-22).of(-1e-8 / 11);
    assertThat(q[1]).isWithin(1e-22).of(-7e-8 / 11);
    assertThat(model.unshiftedFailed()).isFalse();
    assertThat(model.curvature(q)).isWithin(1e-13).of(Dense.quadratic(
        new double[] {4, 1, 1, 3}, q, 2));
    model.solve(1e-9, 0, q);
    assertThat(Dense.norm(q, 2)).isWithin(1e-23).of(1e-9);
  }

  @Test
  void negativeCurvatureStepsToTheBoundaryDownhill() {
    SecondOrderProblem indefinite = HandProblems.objective(2, x -> 0.0, (x, gh) -> {
      gh[1][0] = -3;
      gh[1][3] = 1;
    });
    SteihaugModel model = new SteihaugModel(matrixFree(indefinite));
    model.expand(new double[2], new double[2]);
    double[] b = {1, 1};
    model.prepare(new double[] {1, 1}, b);
    double[] q = new double[2];
    model.solve(2, 0, q);
    assertThat(model.unshiftedFailed()).isTrue();
    assertThat(Dense.norm(q, 2)).isWithin(1e-14).of(2);
    double modelValue = Dense.dot(b, q, 2) + 0.5 * model.curvature(q);
    assertThat(modelValue).isLessThan(0);
    assertThat(Double.isFinite(q[0]) && Double.isFinite(q[1])).isTrue();
  }
}
