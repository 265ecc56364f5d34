package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class TrustRegionNewtonTest {
  @Test
  void rosenbrockFunctionConverges() {
    SecondOrderProblem rosenbrock = HandProblems.objective(2,
        x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
        (x, gh) -> {
          double[] g = gh[0];
          double[] h = gh[1];
          g[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
          g[1] = 200 * (x[1] - x[0] * x[0]);
          h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
          h[1] = -400 * x[0];
          h[2] = -400 * x[0];
          h[3] = 200;
        });
    SolverResult fit = TrustRegionNewton.minimize(rosenbrock, new double[] {-1.2, 1},
        Tolerances.defaults(200));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.params()[0]).isWithin(1e-8).of(1);
    assertThat(fit.params()[1]).isWithin(1e-8).of(1);
  }

  @Test
  void startsAtASaddleAndLeavesIt() {
    // f = x² - y² + y⁴/4 has a saddle at the origin, where the gradient is zero in y only
    // along the unstable direction; minima at y = ±√2.
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
    SolverResult fit = TrustRegionNewton.minimize(saddle, new double[] {0.5, 1e-3},
        Tolerances.defaults(200));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.dampedIterations()).isGreaterThan(0);
    assertThat(Math.abs(fit.params()[1])).isWithin(1e-7).of(Math.sqrt(2));
    assertThat(fit.params()[0]).isWithin(1e-7).of(0);
  }
}
