package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** A run is a function of its inputs and seed. */
class ReproducibilityTest {
  private static TrainingResult fit(TrainerOptions.Builder options) {
    return new Trainer(options.epochs(300).build()).fit(LinearModel.xy(), TestData.line(40),
        new double[] {0, 0}, new MomentumSgd(0.05, 0.9, 2));
  }

  private static void assertIdentical(TrainingResult a, TrainingResult b) {
    assertThat(a.params()).isEqualTo(b.params());
    assertThat(a.trainLoss()).isEqualTo(b.trainLoss());
    assertThat(a.valLoss()).isEqualTo(b.valLoss());
    assertThat(a.history().trainLosses()).isEqualTo(b.history().trainLosses());
    assertThat(a.history().valLosses()).isEqualTo(b.history().valLosses());
    assertThat(a.bestEpoch()).isEqualTo(b.bestEpoch());
  }

  @Test
  void theSameSeedGivesTheSameBits() {
    assertIdentical(fit(TrainerOptions.builder().seed(7)), fit(TrainerOptions.builder().seed(7)));
  }

  @Test
  void theSameSeedGivesTheSameBitsWithMiniBatchesAndNoise() {
    TrainerOptions.Builder options = TrainerOptions.builder().seed(7).batchSize(6).inputNoise(0.1);

    assertIdentical(fit(options), fit(options.build().toBuilder()));
  }

  @Test
  void anotherSeedHoldsOutOtherRows() {
    TrainingResult seven = fit(TrainerOptions.builder().seed(7));
    TrainingResult eight = fit(TrainerOptions.builder().seed(8));

    assertThat(Split.of(TestData.line(40), LinearModel.xy().info(), 0.2, 7).validationRows())
        .isNotEqualTo(Split.of(TestData.line(40), LinearModel.xy().info(), 0.2, 8)
            .validationRows());
    assertThat(seven.valLoss()).isNotEqualTo(eight.valLoss());
    assertThat(seven.params()).isNotEqualTo(eight.params());
  }

  @Test
  void withoutValidationOrShufflingTheSeedDoesNotMatter() {
    // Nothing is drawn: the training rows are all rows, in data order.
    assertIdentical(fit(TrainerOptions.builder().seed(7).validationFraction(0)),
        fit(TrainerOptions.builder().seed(8).validationFraction(0)));
  }
}
