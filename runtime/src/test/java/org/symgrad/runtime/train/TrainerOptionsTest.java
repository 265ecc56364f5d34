package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TrainerOptionsTest {

  @Test
  void defaults() {
    TrainerOptions options = TrainerOptions.defaults();

    assertThat(options.epochs()).isEqualTo(5000);
    assertThat(options.seed()).isEqualTo(0);
    assertThat(options.batchSize()).isEqualTo(0);
    assertThat(options.patience()).isEqualTo(0);
    assertThat(options.logEvery()).isEqualTo(500);
    assertThat(options.inputNoise()).isEqualTo(0.0);
    assertThat(options.scheduler()).isNull();
    assertThat(options.listeners()).isEmpty();
    assertThat(options.reportParameters()).isFalse();
    assertThat(options.hasValidationFraction()).isFalse();
  }

  @Test
  void defaultValidationFractionDependsOnTheRows() {
    TrainerOptions options = TrainerOptions.defaults();

    assertThat(options.validationFractionFor(4)).isEqualTo(0.0);
    assertThat(options.validationFractionFor(5)).isEqualTo(0.2);
    assertThat(options.validationFractionFor(1000)).isEqualTo(0.2);
  }

  @Test
  void aValidationFractionSetIsUsedForAnySize() {
    TrainerOptions options = TrainerOptions.builder().validationFraction(0.5).build();

    assertThat(options.validationFractionFor(2)).isEqualTo(0.5);
    assertThat(options.hasValidationFraction()).isTrue();
  }

  @Test
  void toBuilderKeepsEveryOption() {
    EpochListener listener = report -> {};
    TrainerOptions options = TrainerOptions.builder().epochs(7).validationFraction(0.3)
        .seed(9).batchSize(4).earlyStopping(3).logEvery(2).inputNoise(0.1)
        .scheduler(opt -> new RecordingScheduler()).listener(listener).reportParameters(true)
        .build();

    TrainerOptions copy = options.toBuilder().build();

    assertThat(copy.toString()).isEqualTo(options.toString());
    assertThat(copy.validationFractionFor(100)).isEqualTo(0.3);
    assertThat(copy.scheduler()).isSameInstanceAs(options.scheduler());
    assertThat(copy.listeners()).containsExactly(listener);
    assertThat(copy.reportParameters()).isTrue();
  }

  @Test
  void resettersGoBackToTheDefaults() {
    TrainerOptions options = TrainerOptions.builder().batchSize(4).earlyStopping(3)
        .validationFraction(0.5).build().toBuilder()
        .fullBatch().noEarlyStopping().defaultValidationFraction().build();

    assertThat(options.batchSize()).isEqualTo(0);
    assertThat(options.patience()).isEqualTo(0);
    assertThat(options.hasValidationFraction()).isFalse();
  }

  @Test
  void refusesANegativeEpochCount() {
    assertMessage(() -> TrainerOptions.builder().epochs(-1).build(),
        "epochs must not be negative, got -1");
  }

  @Test
  void refusesAValidationFractionOutsideZeroToOne() {
    assertMessage(() -> TrainerOptions.builder().validationFraction(1.5).build(),
        "validation fraction must be in [0, 1), got 1.5");
    assertMessage(() -> TrainerOptions.builder().validationFraction(1).build(),
        "validation fraction must be in [0, 1), got 1.0");
    assertMessage(() -> TrainerOptions.builder().validationFraction(-0.1).build(),
        "validation fraction must be in [0, 1), got -0.1");
    assertMessage(() -> TrainerOptions.builder().validationFraction(Double.NaN).build(),
        "validation fraction must be in [0, 1), got NaN");
  }

  @Test
  void refusesABatchSizeBelowOne() {
    assertMessage(() -> TrainerOptions.builder().batchSize(0).build(),
        "batch size must be at least 1, got 0");
    assertMessage(() -> TrainerOptions.builder().batchSize(-3).build(),
        "batch size must be at least 1, got -3");
  }

  @Test
  void refusesAPatienceBelowOne() {
    assertMessage(() -> TrainerOptions.builder().earlyStopping(0).build(),
        "early-stopping patience must be at least 1 epoch, got 0");
  }

  @Test
  void refusesALoggingIntervalBelowOne() {
    assertMessage(() -> TrainerOptions.builder().logEvery(0).build(),
        "the logging interval must be at least 1 epoch, got 0");
  }

  @Test
  void refusesNegativeOrInfiniteNoise() {
    assertMessage(() -> TrainerOptions.builder().inputNoise(-1).build(),
        "input noise sigma must be finite and not negative, got -1.0");
    assertMessage(() -> TrainerOptions.builder().inputNoise(Double.POSITIVE_INFINITY).build(),
        "input noise sigma must be finite and not negative, got Infinity");
  }

  private static void assertMessage(Executable executable, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertThat(e).hasMessageThat().isEqualTo(message);
  }
}
