package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;

class EarlyStoppingTest {
  private static final int SEED = 1;
  private static final int PATIENCE = 10;

  /**
   * Training rows on {@code y = 2x + 1}, validation rows on {@code y = x + 1}: from {@code w =
   * 0} training drives w through 1 towards 2, so the validation loss falls, then rises.
   */
  private static Dataset overfitting() {
    Dataset line = TestData.line(20);
    double[] x = line.column("x");
    double[] y = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      y[r] = 2 * x[r] + 1;
    }
    for (int r : Split.of(line, LinearModel.xy().info(), 0.2, SEED).validationRows()) {
      y[r] = x[r] + 1;
    }
    return TestData.xy(x, y);
  }

  private static TrainingResult fit(TrainerOptions.Builder options, CompiledModel model) {
    return new Trainer(options.seed(SEED).build())
        .fit(model, overfitting(), new double[] {0, 0}, new PlainSgd(0.05));
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
    TrainingResult stopped =
        fit(TrainerOptions.builder().epochs(5000).earlyStopping(PATIENCE), LinearModel.xy());
    int best = stopped.bestEpoch();
    TrainingResult straightToBest = fit(TrainerOptions.builder().epochs(best), LinearModel.xy());

    assertThat(stopped.stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
    assertThat(best).isGreaterThan(1);
    assertThat(stopped.epochs()).isEqualTo(best + PATIENCE);
    assertThat(stopped.params()).isEqualTo(straightToBest.params());
    assertThat(stopped.valLoss()).isEqualTo(stopped.history().valLoss(best));
    assertThat(stopped.trainLoss()).isEqualTo(straightToBest.trainLoss());
    for (int epoch = best + 1; epoch <= stopped.epochs(); epoch++) {
      assertThat(stopped.history().valLoss(epoch)).isAtLeast(stopped.valLoss());
    }
  }

  @Test
  void theCheckpointHoldsTheLastEpochNotTheBest() {
    TrainingResult stopped =
        fit(TrainerOptions.builder().epochs(5000).earlyStopping(PATIENCE), LinearModel.xy());
    TrainingResult straight =
        fit(TrainerOptions.builder().epochs(stopped.epochs()), LinearModel.xy());

    assertThat(stopped.checkpoint().params()).isEqualTo(straight.params());
    assertThat(stopped.checkpoint().bestParams()).isEqualTo(stopped.params());
    assertThat(stopped.checkpoint().bestEpoch()).isEqualTo(stopped.bestEpoch());
  }

  @Test
  void aLargePatienceRunsEveryEpochButStillReportsTheBest() {
    TrainingResult result =
        fit(TrainerOptions.builder().epochs(300).earlyStopping(1000), LinearModel.xy());
    TrainingResult without = fit(TrainerOptions.builder().epochs(300), LinearModel.xy());

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.params()).isEqualTo(without.params());
    assertThat(result.bestEpoch()).isEqualTo(without.bestEpoch());
    assertThat(result.bestEpoch()).isLessThan(300);
  }

  @Test
  void anEqualLossIsNoImprovement() {
    // A validation loss stuck at 1.0: epoch 1 beats infinity, and nothing beats epoch 1.
    TrainingResult result =
        fit(TrainerOptions.builder().epochs(100).earlyStopping(3), new FlatValidation());

    assertThat(result.stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
    assertThat(result.bestEpoch()).isEqualTo(1);
    assertThat(result.epochs()).isEqualTo(4);
    assertThat(result.params())
        .isEqualTo(fit(TrainerOptions.builder().epochs(1), LinearModel.xy()).params());
  }

  /** The linear model, whose no-gradient loss (validation's path) is always 1. */
  private static final class FlatValidation extends DelegatingModel {
    FlatValidation() {
      super(LinearModel.xy());
    }

    @Override
    public double loss(double[] params, Batch batch) {
      return 1.0;
    }
  }
}
