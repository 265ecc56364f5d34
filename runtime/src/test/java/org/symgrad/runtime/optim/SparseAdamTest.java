package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SparseAdam's laziness, spelled out: a zero gradient leaves its coordinate alone entirely. */
class SparseAdamTest {

  @Test
  void coordinatesWithZeroGradientKeepTheirValueAndMoments() {
    Optimizer sparse = Optimizers.create("SparseAdam", 3, Map.of("lr", "0.1"));
    double[] params = {1.0, 2.0, 3.0};
    sparse.step(params, 0, new double[] {0.5, -0.5, 0.25}, null);
    double[] momentsBefore = sparse.state().array("exp_avg");
    double[] secondBefore = sparse.state().array("exp_avg_sq");
    double[] before = params.clone();

    sparse.step(params, 0, new double[] {0.0, -0.5, 0.0}, null);

    OptimizerState state = sparse.state();
    assertThat(params[0]).isEqualTo(before[0]);
    assertThat(params[2]).isEqualTo(before[2]);
    assertThat(params[1]).isNotEqualTo(before[1]);
    assertThat(state.array("exp_avg")[0]).isEqualTo(momentsBefore[0]);
    assertThat(state.array("exp_avg_sq")[2]).isEqualTo(secondBefore[2]);
    assertThat(state.array("exp_avg")[1]).isNotEqualTo(momentsBefore[1]);
    // The step count is global, as torch's: it grows whatever the gradient.
    assertThat(state.scalar("step")).isEqualTo(2.0);
  }

  @Test
  void denseAdamWouldHaveMovedThem() {
    Optimizer adam = Optimizers.create("Adam", 3, Map.of("lr", "0.1"));
    double[] params = {1.0, 2.0, 3.0};
    adam.step(params, 0, new double[] {0.5, -0.5, 0.25}, null);
    double before = params[0];
    adam.step(params, 0, new double[] {0.0, -0.5, 0.0}, null);
    assertThat(params[0]).isNotEqualTo(before); // momentum carries it on
  }
}
