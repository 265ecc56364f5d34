package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Tolerances}' defaults, in particular {@code max_nfev = 2 · epochs + 100}. */
class TolerancesTest {
  @Test
  void theEvaluationLimitIsTwiceTheIterationsAndAHundred() {
    assertThat(Tolerances.defaults(0).maxEvaluations()).isEqualTo(100);
    assertThat(Tolerances.defaults(5000).maxEvaluations()).isEqualTo(10_100);
    assertThat(Tolerances.defaults(1_073_741_773).maxEvaluations())
        .isEqualTo(Integer.MAX_VALUE - 1);
  }

  @Test
  void aHugeIterationLimitCapsTheEvaluationLimitInsteadOfWrapping() {
    for (int epochs : new int[] {1_073_741_774, 1_500_000_000, 2_000_000_000,
        Integer.MAX_VALUE}) {
      assertThat(Tolerances.defaults(epochs).maxEvaluations()).isEqualTo(Integer.MAX_VALUE);
      assertThat(Tolerances.parse(Map.of(), epochs).maxEvaluations())
          .isEqualTo(Integer.MAX_VALUE);
    }
  }

  @Test
  void aHugeIterationLimitStillLetsTheFitConverge() {
    SolverResult fit = LevenbergMarquardt.minimize(HandProblems.rosenbrock(),
        new double[] {-1.2, 1}, Tolerances.defaults(2_000_000_000));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.params()[0]).isWithin(1e-9).of(1);
  }
}
