package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.symgrad.runtime.Dataset;

/** What {@code fit} refuses, and the messages a command line prints as they are. */
class FitArgumentsTest {
  private static final LinearModel MODEL = LinearModel.xy();

  private static TrainingResult fit(TrainerOptions options, Dataset data, double[] params) {
    return new Trainer(options).fit(MODEL, data, params, new PlainSgd(0.01));
  }

  @Test
  void refusesDataWithoutRows() {
    Dataset empty = TestData.xy(new double[0], new double[0]);

    assertMessage(() -> fit(TrainerOptions.defaults(), empty, new double[2]),
        "the data has no rows");
  }

  @Test
  void refusesAFractionThatSelectsNoValidationRow() {
    TrainerOptions options = TrainerOptions.builder().validationFraction(0.1).build();

    assertMessage(() -> fit(options, TestData.line(5), new double[2]),
        "validation fraction 0.1 of 5 rows selects no validation row;"
            + " use 0 for none, or a larger fraction");
    assertMessage(() -> fit(options, TestData.line(1), new double[2]),
        "validation fraction 0.1 of 1 row selects no validation row;"
            + " use 0 for none, or a larger fraction");
  }

  @Test
  void aFractionBelowOneAlwaysLeavesATrainingRow() {
    // floor(f * n) < n for every f < 1, so the guard against an empty training set in
    // Split.validationCount is a backstop; the largest fraction still leaves one row.
    TrainingResult result = fit(TrainerOptions.builder().validationFraction(0.75).epochs(1)
        .build(), TestData.line(4), new double[2]);

    assertThat(result.checkpoint().validationRows()).isEqualTo(3);
    assertThat(Split.validationCount(Math.nextDown(1.0), 3)).isEqualTo(2);
  }

  @Test
  void refusesEarlyStoppingWithoutAValidationSet() {
    TrainerOptions options = TrainerOptions.builder().earlyStopping(5).build();

    assertMessage(() -> fit(options, TestData.line(4), new double[2]),
        "early stopping watches the validation loss, but there is no validation set"
            + " (validation fraction 0.0 of 4 rows)");
  }

  @Test
  void refusesParametersOfTheWrongLength() {
    assertMessage(() -> fit(TrainerOptions.defaults(), TestData.line(10), new double[3]),
        "the initial parameters have 3 parameter values, but model 'linear' has 2");
  }

  @Test
  void refusesDataWithoutTheModelsColumns() {
    Dataset data = new Dataset(List.of("x", "z"), new double[][] {{1, 2}, {3, 4}});

    assertMessage(() -> fit(TrainerOptions.defaults(), data, new double[2]),
        "missing column y; the data has x, z");
  }

  @Test
  void refusesASchedulerFactoryThatReturnsNull() {
    TrainerOptions options = TrainerOptions.builder().scheduler(opt -> null).build();

    NullPointerException e = assertThrows(NullPointerException.class,
        () -> fit(options, TestData.line(10), new double[2]));
    assertThat(e).hasMessageThat().isEqualTo("the scheduler factory returned null");
  }

  @Test
  void leavesTheInitialParametersAlone() {
    double[] initial = {1, 0};

    fit(TrainerOptions.builder().epochs(10).build(), TestData.line(10), initial);

    assertThat(initial).isEqualTo(new double[] {1, 0});
  }

  @Test
  void zeroEpochsEvaluatesTheStartingParameters() {
    TrainingResult result = fit(TrainerOptions.builder().epochs(0).build(), TestData.line(10),
        new double[] {1, 0});

    assertThat(result.params()).isEqualTo(new double[] {1, 0});
    assertThat(result.epochs()).isEqualTo(0);
    assertThat(result.history().size()).isEqualTo(0);
    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.bestEpoch()).isEqualTo(0);
    assertThat(result.valLoss()).isNotNull();
  }

  private static void assertMessage(Executable executable, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertThat(e).hasMessageThat().isEqualTo(message);
  }
}
