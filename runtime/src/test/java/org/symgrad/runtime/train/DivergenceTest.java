package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Dataset;

/**
 * DESIGN: the run stops at the first epoch whose training loss is NaN or infinite, before
 * applying that epoch's update, and keeps the parameters it had.
 */
class DivergenceTest {
  /** Unnormalised readings with the book's lr 1e-2 blow up (ch. 5: "training_loop ... inf"). */
  private static final Dataset DATA = TestData.xy(
      TestData.thermometer().column("t_u"), TestData.thermometer().column("t_c"));

  private static TrainingResult fit(TrainerOptions.Builder options, int epochs) {
    return new Trainer(options.epochs(epochs).build())
        .fit(LinearModel.xy(), DATA, new double[] {1, 0}, new PlainSgd(1e-2));
  }

  /** The first epoch whose loss is not finite, by hand: the loss, step, loss… of the book. */
  private static int firstNonFiniteEpoch() {
    LinearModel model = LinearModel.xy();
    var batch = DATA.batchFor(model.info(), true);
    double[] params = {1, 0};
    double[] grad = new double[2];
    for (int epoch = 1; ; epoch++) {
      if (!Double.isFinite(model.lossAndGradient(params, batch, grad))) {
        return epoch;
      }
      params[0] -= 1e-2 * grad[0];
      params[1] -= 1e-2 * grad[1];
    }
  }

  @Test
  void stopsAtTheFirstNonFiniteEpochBeforeItsUpdate() {
    int diverging = firstNonFiniteEpoch();
    TrainerOptions.Builder options = TrainerOptions.builder().validationFraction(0);

    TrainingResult diverged = fit(options, 5000);
    TrainingResult before = fit(options, diverging - 1);

    assertThat(diverged.stopReason()).isEqualTo(StopReason.DIVERGED);
    assertThat(diverged.divergence().epoch()).isEqualTo(diverging);
    assertThat(diverged.epochs()).isEqualTo(diverging - 1);
    assertThat(diverged.params()).isEqualTo(before.params());
    assertThat(diverged.history().size()).isEqualTo(diverging - 1);
    assertThat(diverged.divergence().lastFiniteLoss())
        .isEqualTo(diverged.history().trainLoss(diverging - 1));
    assertThat(Double.isFinite(diverged.divergence().loss())).isFalse();
    // Evaluated at the returned parameters, which are the ones that diverged.
    assertThat(diverged.trainLoss()).isEqualTo(diverged.divergence().loss());
    assertThat(diverged.checkpoint().epoch()).isEqualTo(diverging - 1);
  }

  @Test
  void divergingAtTheFirstEpochKeepsTheStartingParameters() {
    TrainingResult result = new Trainer(TrainerOptions.builder().epochs(10).build())
        .fit(LinearModel.xy(), TestData.line(10), new double[] {Double.NaN, 0}, new PlainSgd(1));

    assertThat(result.stopReason()).isEqualTo(StopReason.DIVERGED);
    assertThat(result.divergence()).isEqualTo(new Divergence(1, Double.NaN, null));
    assertThat(result.epochs()).isEqualTo(0);
    assertThat(result.params()).isEqualTo(new double[] {Double.NaN, 0});
    assertThat(result.history().size()).isEqualTo(0);
  }

  @Test
  void inMiniBatchesTheWholeDivergingEpochIsUndone() {
    TrainerOptions.Builder options = TrainerOptions.builder().validationFraction(0).batchSize(4);

    RecordingModel recording = new RecordingModel(LinearModel.xy());
    TrainingResult diverged = new Trainer(options.epochs(5000).build())
        .fit(recording, DATA, new double[] {1, 0}, new PlainSgd(1e-2));
    int epoch = diverged.divergence().epoch();
    TrainingResult before = fit(options, epoch - 1);

    // 11 rows in batches of 4 are 3 steps an epoch; the diverging epoch took some first,
    // so keeping "the parameters it had" means undoing them.
    int stepsInDivergingEpoch = recording.gradientCalls().size() - 3 * (epoch - 1);
    assertThat(stepsInDivergingEpoch).isGreaterThan(1);
    assertThat(diverged.stopReason()).isEqualTo(StopReason.DIVERGED);
    assertThat(diverged.params()).isEqualTo(before.params());
    assertThat(diverged.epochs()).isEqualTo(epoch - 1);
  }

  @Test
  void aNonFiniteValidationLossIsNotADivergence() {
    // Validation rows whose target overflows the squared error: training is unaffected.
    Dataset data = TestData.line(20);
    Split split = Split.of(data, LinearModel.xy().info(), 0.2, 0);
    double[] y = data.column("y");
    y[split.validationRows()[0]] = 1e300;

    TrainingResult result = new Trainer(TrainerOptions.builder().epochs(20).build())
        .fit(LinearModel.xy(), TestData.xy(data.column("x"), y), new double[2], new PlainSgd(0.1));

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.valLoss()).isPositiveInfinity();
    assertThat(result.bestEpoch()).isEqualTo(0);
  }
}
