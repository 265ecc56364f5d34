package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Dataset;

/** Validation rows are evaluated, never learned from. */
class ValidationIsolationTest {
  private static final int SEED = 3;
  private static final TrainerOptions OPTIONS =
      TrainerOptions.builder().epochs(200).seed(SEED).build();

  private static TrainingResult fit(TrainerOptions options, Dataset data) {
    return new Trainer(options).fit(LinearModel.xy(), data, new double[] {0, 0},
        new MomentumSgd(0.05, 0.9, 2));
  }

  /** {@code line(20)} with a wild target in {@code row}. */
  private static Dataset withOutlier(int row) {
    Dataset data = TestData.line(20);
    double[] y = data.column("y");
    y[row] = 1e6;
    return TestData.xy(data.column("x"), y);
  }

  /**
   * The rows the definition holds out, computed here rather than asked of the code under
   * test: the first floor(0.2 * 20) = 4 of the seeded permutation.
   */
  private static int[] validationRows() {
    return Arrays.stream(Split.permutation(20, SEED)).limit(4).sorted().toArray();
  }

  private static int[] trainingRows() {
    Set<Integer> held = Arrays.stream(validationRows()).boxed().collect(Collectors.toSet());
    return IntStream.range(0, 20).filter(r -> !held.contains(r)).toArray();
  }

  @Test
  void anOutlierInAValidationRowDoesNotMoveTheParameters() {
    Dataset data = withOutlier(validationRows()[0]);

    TrainingResult withValidation = fit(OPTIONS, data);
    TrainingResult trainRowsAlone = fit(OPTIONS.toBuilder().validationFraction(0).build(),
        data.select(trainingRows()));

    assertThat(withValidation.params()).isEqualTo(trainRowsAlone.params());
    assertThat(withValidation.history().trainLosses())
        .isEqualTo(trainRowsAlone.history().trainLosses());
    assertThat(withValidation.valLoss()).isGreaterThan(1e9);
    // And in absolute terms: the fit found the line the clean rows lie on, y = 3x - 1.
    assertThat(withValidation.params()[0]).isWithin(0.2).of(3);
    assertThat(withValidation.params()[1]).isWithin(0.2).of(-1);
  }

  @Test
  void theSameOutlierInATrainingRowDoesMoveThem() {
    // The check above could pass by never looking at the data; this one says it does look.
    Dataset clean = TestData.line(20);
    Dataset data = withOutlier(trainingRows()[0]);

    assertThat(fit(OPTIONS, data).params()).isNotEqualTo(fit(OPTIONS, clean).params());
  }

  @Test
  void gradientsAreTakenOnTrainingRowsOnlyAndValidationChangesNothing() {
    Dataset data = TestData.line(20);
    double[] x = data.column("x");
    Set<Double> trainX = Arrays.stream(trainingRows()).mapToObj(r -> x[r])
        .collect(Collectors.toSet());
    Set<Double> validationX = Arrays.stream(validationRows()).mapToObj(r -> x[r])
        .collect(Collectors.toSet());
    RecordingModel model = new RecordingModel(LinearModel.xy());

    new Trainer(OPTIONS.toBuilder().epochs(5).build())
        .fit(model, data, new double[] {0, 0}, new PlainSgd(0.05));

    for (RecordingModel.Call call : model.gradientCalls()) {
      assertThat(toSet(call.column(0))).isEqualTo(trainX);
    }
    // Per epoch: gradient, validation loss; then the final training and validation losses.
    var calls = model.calls();
    assertThat(calls).hasSize(5 * 2 + 2);
    for (int epoch = 0; epoch < 5; epoch++) {
      RecordingModel.Call validation = calls.get(2 * epoch + 1);
      assertThat(validation.withGradient()).isFalse();
      assertThat(toSet(validation.column(0))).isEqualTo(validationX);
      // The next evaluation sees the parameters validation saw: it changed none of them.
      assertThat(calls.get(2 * epoch + 2).params()).isEqualTo(validation.params());
    }
  }

  private static Set<Double> toSet(double[] values) {
    return Arrays.stream(values).boxed().collect(Collectors.toSet());
  }
}
