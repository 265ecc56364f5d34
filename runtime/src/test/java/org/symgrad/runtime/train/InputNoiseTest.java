package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Dataset;

class InputNoiseTest {
  private static final Dataset DATA = TestData.line(200);
  private static final double SIGMA = 0.3;

  private static RecordingModel fit(TrainerOptions.Builder options) {
    RecordingModel model = new RecordingModel(LinearModel.xy());
    new Trainer(options.epochs(3).build())
        .fit(model, DATA, new double[] {0, 0}, new PlainSgd(0.05));
    return model;
  }

  private static Batch cleanTraining(long seed) {
    return Split.of(DATA, LinearModel.xy().info(), 0.2, seed).train();
  }

  @Test
  void blursTheTrainingInputsButNotTheTargets() {
    RecordingModel model = fit(TrainerOptions.builder().inputNoise(SIGMA));
    Batch clean = cleanTraining(0);

    RecordingModel.Call first = model.gradientCalls().get(0);
    assertThat(first.column(1)).isEqualTo(Arrays.copyOf(clean.column(1), clean.size()));
    double[] x = Arrays.copyOf(clean.column(0), clean.size());
    double sumSquares = 0;
    for (int r = 0; r < x.length; r++) {
      assertThat(first.column(0)[r]).isNotEqualTo(x[r]);
      double noise = first.column(0)[r] - x[r];
      sumSquares += noise * noise;
    }
    // 160 draws of a fixed seed: their spread is about sigma (checks the scale, not luck).
    assertThat(Math.sqrt(sumSquares / x.length)).isWithin(0.2 * SIGMA).of(SIGMA);
  }

  @Test
  void leavesValidationAndTheFinalLossesClean() {
    RecordingModel model = fit(TrainerOptions.builder().inputNoise(SIGMA));
    Split split = Split.of(DATA, LinearModel.xy().info(), 0.2, 0);
    double[] cleanValidationX =
        Arrays.copyOf(split.validation().column(0), split.validation().size());
    double[] cleanTrainingX = Arrays.copyOf(split.train().column(0), split.train().size());

    var losses = model.lossCalls(); // 3 validations, then the final training and validation
    assertThat(losses).hasSize(5);
    for (int i = 0; i < 3; i++) {
      assertThat(losses.get(i).column(0)).isEqualTo(cleanValidationX);
    }
    assertThat(losses.get(3).column(0)).isEqualTo(cleanTrainingX);
    assertThat(losses.get(4).column(0)).isEqualTo(cleanValidationX);
  }

  @Test
  void isDrawnAfreshEachEpoch() {
    RecordingModel model = fit(TrainerOptions.builder().inputNoise(SIGMA));

    assertThat(model.gradientCalls().get(0).column(0))
        .isNotEqualTo(model.gradientCalls().get(1).column(0));
  }

  @Test
  void isSeeded() {
    RecordingModel a = fit(TrainerOptions.builder().inputNoise(SIGMA).validationFraction(0)
        .seed(4));
    RecordingModel b = fit(TrainerOptions.builder().inputNoise(SIGMA).validationFraction(0)
        .seed(4));
    RecordingModel c = fit(TrainerOptions.builder().inputNoise(SIGMA).validationFraction(0)
        .seed(5));

    assertThat(a.gradientCalls().get(2).column(0)).isEqualTo(b.gradientCalls().get(2).column(0));
    assertThat(a.gradientCalls().get(2).column(0))
        .isNotEqualTo(c.gradientCalls().get(2).column(0));
  }

  @Test
  void worksWithMiniBatches() {
    RecordingModel model = fit(TrainerOptions.builder().inputNoise(SIGMA).batchSize(7));
    double[] clean = Arrays.copyOf(cleanTraining(0).column(0), cleanTraining(0).size());
    Arrays.sort(clean);

    for (RecordingModel.Call call : model.gradientCalls()) {
      for (double x : call.column(0)) {
        assertThat(Arrays.binarySearch(clean, x)).isLessThan(0); // never a clean input
      }
    }
  }

  @Test
  void zeroSigmaIsNoNoise() {
    TrainingResult none = new Trainer(TrainerOptions.builder().epochs(50).build())
        .fit(LinearModel.xy(), DATA, new double[2], new PlainSgd(0.05));
    TrainingResult zero = new Trainer(TrainerOptions.builder().epochs(50).inputNoise(0).build())
        .fit(LinearModel.xy(), DATA, new double[2], new PlainSgd(0.05));

    assertThat(zero.params()).isEqualTo(none.params());
  }
}
