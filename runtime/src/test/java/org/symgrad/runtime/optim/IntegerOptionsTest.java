package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integer hyper-parameters at their extremes (issue 16, item 9): L-BFGS's {@code max_eval}
 * default, {@code max_iter * 5 // 4}, is computed without overflowing, and a {@code
 * history_size} of 2,147,483,647 costs what the pairs remembered cost.
 */
class IntegerOptionsTest {

  /** Counts the objective's evaluations. */
  private static final class Counting implements Objective {
    int evaluations;

    @Override
    public double evaluate(double[] params, double[] grad) {
      evaluations++;
      return Problems.rosenbrock(params, grad);
    }
  }

  private static int evaluationsOfOneStep(Map<String, String> options) {
    Optimizer lbfgs = Optimizers.create("LBFGS", 2, options);
    Counting objective = new Counting();
    double[] params = {-1.2, 1.0};
    double[] grad = new double[2];
    double loss = objective.evaluate(params, grad);
    lbfgs.step(params, loss, grad, objective);
    return objective.evaluations;
  }

  @Test
  void maxEvalOfAHugeMaxIterDoesNotOverflow() {
    // 429496730 * 5 overflows an int; the step stopped after its first evaluation.
    int huge = evaluationsOfOneStep(Map.of("max_iter", "429496730"));
    int explicit = evaluationsOfOneStep(Map.of("max_iter", "429496730", "max_eval",
        Integer.toString(429496730 / 4 * 5 + 2)));
    assertThat(huge).isGreaterThan(20);
    assertThat(huge).isEqualTo(explicit);
  }

  @Test
  void maxEvalOfTheLargestMaxIterIsCappedAtTheLargestInt() {
    assertThat(evaluationsOfOneStep(Map.of("max_iter", Integer.toString(Integer.MAX_VALUE))))
        .isEqualTo(evaluationsOfOneStep(Map.of("max_iter", Integer.toString(Integer.MAX_VALUE),
            "max_eval", Integer.toString(Integer.MAX_VALUE))));
  }

  @Test
  void aHugeHistorySizeAllocatesOnlyWhatItRemembers() {
    History history = new History(3, Integer.MAX_VALUE);
    assertThat(history.allocated()).isAtMost(8);
    for (int k = 0; k < 20; k++) {
      history.push(k);
    }
    assertThat(history.count()).isEqualTo(20);
    assertThat(history.allocated()).isAtMost(32);
    for (int k = 0; k < 20; k++) {
      assertThat(history.ro(k)).isEqualTo((double) k);
    }
    // And the optimizer is made without allocating gigabytes.
    Optimizer lbfgs = Optimizers.create("LBFGS", 2, Map.of("history_size", "2147483647"));
    assertThat(lbfgs.name()).isEqualTo("LBFGS");
  }

  @Test
  void aGrowingHistoryGivesTheTrajectoryOfAFullOne() {
    // 40 steps of up to 20 iterations: more pairs than the first tables hold, fewer than 1000.
    double[] grown = trajectory("2147483647");
    assertThat(grown).isEqualTo(trajectory("1000"));
    assertThat(grown[0]).isWithin(1e-6).of(1.0); // Rosenbrock's minimum, reached
    assertThat(grown[1]).isWithin(1e-6).of(1.0);
  }

  @Test
  void aRingThatGrewThenWrapsKeepsTheNewestPairs() {
    History history = new History(1, 10);
    for (int k = 0; k < 25; k++) {
      history.push(k);
    }
    assertThat(history.count()).isEqualTo(10);
    assertThat(history.allocated()).isEqualTo(10);
    for (int k = 0; k < 10; k++) {
      assertThat(history.ro(k)).isEqualTo(15.0 + k);
    }
  }

  private static double[] trajectory(String historySize) {
    Optimizer lbfgs = Optimizers.create("LBFGS", 2,
        Map.of("history_size", historySize, "tolerance_grad", "0", "tolerance_change", "0",
            "lr", "0.5"));
    double[] params = {-1.2, 1.0};
    double[] grad = new double[2];
    for (int step = 0; step < 40; step++) {
      double loss = Problems.rosenbrock(params, grad);
      lbfgs.step(params, loss, grad, Problems::rosenbrock);
    }
    return params;
  }
}
