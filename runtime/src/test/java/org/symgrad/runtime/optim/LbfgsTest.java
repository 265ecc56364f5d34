package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LBFGS beyond the torch trajectories of {@link OptimizerParityTest}: its line search's cubic
 * interpolation on known cubics, its early exit, and its need for an objective.
 */
class LbfgsTest {

  @Test
  void cubicInterpolationFindsTheMinimumOfACubic() {
    // f(x) = x^3 - 3x: f(0) = 0, f'(0) = -3; f(2) = 2, f'(2) = 9; minimum at x = 1.
    assertThat(StrongWolfe.cubicInterpolate(0, 0, -3, 2, 2, 9)).isEqualTo(1.0);
    // The same points given in the other order.
    assertThat(StrongWolfe.cubicInterpolate(2, 2, 9, 0, 0, -3)).isEqualTo(1.0);
  }

  @Test
  void cubicInterpolationStaysWithinItsBounds() {
    assertThat(StrongWolfe.cubicInterpolate(0, 0, -3, 2, 2, 9, 1.5, 4)).isEqualTo(1.5);
    assertThat(StrongWolfe.cubicInterpolate(0, 0, -3, 2, 2, 9, -4, 0.5)).isEqualTo(0.5);
  }

  @Test
  void cubicInterpolationWithoutAMinimumBisects() {
    // Slopes 2 and 2 with a rise of 1 over [0, 1]: d1^2 - g1 g2 = 1 - 4 < 0, no real minimum.
    assertThat(StrongWolfe.cubicInterpolate(0, 0, 2, 1, 1, 2)).isEqualTo(0.5);
    assertThat(StrongWolfe.cubicInterpolate(0, 0, 2, 1, 1, 2, 0.2, 3)).isEqualTo(1.6);
  }

  @Test
  void solvesRosenbrockWithTheStrongWolfeLineSearch() {
    Optimizer lbfgs = Optimizers.create("LBFGS", 2, Map.of("line_search_fn", "strong_wolfe"));
    double[] params = {-1.2, 1.0};
    double[] grad = new double[2];
    for (int step = 0; step < 10; step++) {
      lbfgs.step(params, Problems.rosenbrock(params, grad), grad, Problems::rosenbrock);
    }
    // It stops when the loss changes by less than tolerance_change, near but not at (1, 1).
    assertThat(params[0]).isWithin(1e-4).of(1.0);
    assertThat(params[1]).isWithin(1e-4).of(1.0);
  }

  @Test
  void atAStationaryPointAStepOnlyCountsTheEvaluation() {
    Optimizer lbfgs = Optimizers.create("LBFGS", 2, Map.of());
    double[] params = {1.0, 1.0}; // Rosenbrock's minimum: the gradient is exactly zero
    double[] grad = new double[2];
    lbfgs.step(params, Problems.rosenbrock(params, grad), grad, Problems::rosenbrock);
    assertThat(params).isEqualTo(new double[] {1.0, 1.0});
    assertThat(lbfgs.state().scalars())
        .containsExactly("lr", 1.0, "func_evals", 1.0, "n_iter", 0.0);
  }

  @Test
  void needsAnObjective() {
    Optimizer lbfgs = Optimizers.create("LBFGS", 2, Map.of());
    double[] params = {0.0, 0.0};
    double[] grad = {1.0, 1.0};
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> lbfgs.step(params, 1, grad, null));
    assertThat(error)
        .hasMessageThat()
        .isEqualTo(
            "LBFGS re-evaluates the objective during a step, so it needs one (torch's closure)");
  }
}
