package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Dataset;

class MiniBatchTest {
  private static final Dataset DATA = TestData.line(20); // 16 training rows at 0.2

  private static RecordingModel fit(int batchSize, long seed, int epochs) {
    RecordingModel model = new RecordingModel(LinearModel.xy());
    new Trainer(TrainerOptions.builder().epochs(epochs).seed(seed).batchSize(batchSize).build())
        .fit(model, DATA, new double[] {0, 0}, new PlainSgd(0.05));
    return model;
  }

  private static double[] trainingX() {
    double[] x = DATA.column("x");
    return Arrays.stream(Split.of(DATA, LinearModel.xy().info(), 0.2, 0).trainRows())
        .mapToDouble(r -> x[r]).sorted().toArray();
  }

  /** The x column of each gradient call of epoch {@code epoch} (1-based), 4 calls an epoch. */
  private static List<RecordingModel.Call> epoch(RecordingModel model, int epoch, int perEpoch) {
    return model.gradientCalls().subList((epoch - 1) * perEpoch, epoch * perEpoch);
  }

  @Test
  void eachEpochStepsOncePerMiniBatchOverEveryTrainingRowOnce() {
    RecordingModel model = fit(5, 0, 3); // 16 rows: 5, 5, 5, 1

    assertThat(model.gradientCalls()).hasSize(3 * 4);
    for (int e = 1; e <= 3; e++) {
      List<RecordingModel.Call> calls = epoch(model, e, 4);
      assertThat(calls.stream().map(c -> c.column(0).length).toList())
          .containsExactly(5, 5, 5, 1).inOrder();
      double[] seen = calls.stream().flatMapToDouble(c -> Arrays.stream(c.column(0))).sorted()
          .toArray();
      assertThat(seen).isEqualTo(trainingX());
    }
  }

  @Test
  void targetsTravelWithTheirRows() {
    RecordingModel model = fit(3, 0, 2);
    double[] x = DATA.column("x");
    double[] y = DATA.column("y");

    for (RecordingModel.Call call : model.gradientCalls()) {
      for (int i = 0; i < call.column(0).length; i++) {
        int row = Arrays.binarySearch(x, call.column(0)[i]); // x ascends in line()
        assertThat(call.column(1)[i]).isEqualTo(y[row]);
      }
    }
  }

  @Test
  void theEpochsTrainingLossIsTheMeanOfItsMiniBatchLosses() {
    RecordingModel model = new RecordingModel(LinearModel.xy());
    TrainingResult result = new Trainer(TrainerOptions.builder().epochs(3).batchSize(5).build())
        .fit(model, DATA, new double[] {0, 0}, new PlainSgd(0.05));

    for (int e = 1; e <= 3; e++) {
      double sum = 0;
      for (RecordingModel.Call call : epoch(model, e, 4)) {
        sum += call.loss();
      }
      assertThat(result.history().trainLoss(e)).isEqualTo(sum / 4);
    }
  }

  @Test
  void theOrderIsReproducibleAndChangesFromEpochToEpoch() {
    RecordingModel a = fit(5, 11, 2);
    RecordingModel b = fit(5, 11, 2);

    assertThat(epoch(a, 1, 4).get(0).column(0)).isEqualTo(epoch(b, 1, 4).get(0).column(0));
    assertThat(epoch(a, 2, 4).get(0).column(0)).isEqualTo(epoch(b, 2, 4).get(0).column(0));
    assertThat(epoch(a, 1, 4).get(0).column(0)).isNotEqualTo(epoch(a, 2, 4).get(0).column(0));
  }

  @Test
  void anotherSeedShufflesOtherwise() {
    // Same training rows (no validation), so only the shuffle differs.
    RecordingModel a = new RecordingModel(LinearModel.xy());
    RecordingModel b = new RecordingModel(LinearModel.xy());
    TrainerOptions.Builder options =
        TrainerOptions.builder().epochs(1).batchSize(5).validationFraction(0);
    new Trainer(options.seed(1).build()).fit(a, DATA, new double[2], new PlainSgd(0.05));
    new Trainer(options.seed(2).build()).fit(b, DATA, new double[2], new PlainSgd(0.05));

    assertThat(a.gradientCalls().get(0).column(0))
        .isNotEqualTo(b.gradientCalls().get(0).column(0));
  }

  @Test
  void aBatchAsLargeAsTheTrainingSetIsOneShuffledStep() {
    RecordingModel model = fit(1000, 0, 2);

    assertThat(model.gradientCalls()).hasSize(2);
    double[] seen = model.gradientCalls().get(0).column(0).clone();
    Arrays.sort(seen);
    assertThat(seen).isEqualTo(trainingX());
  }
}
