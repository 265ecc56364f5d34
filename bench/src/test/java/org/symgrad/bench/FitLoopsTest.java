package org.symgrad.bench;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.runtime.train.TrainingResult;
import org.symgrad.runtime.testing.TorchFits;

/**
 * {@link FitBench}'s three ways to fit do the same arithmetic: the same bits after every number
 * of epochs, not only at the end (SGD converging to the same point would hide a different
 * rounding of the update there), and the book's result after 5000.
 */
class FitLoopsTest {
  // PyTorch 1.13, float64, SGD(lr=1e-2), 5000 steps from [1, 0] on the normalised model,
  // as make_fits.py recorded it (runtime/src/test/resources/torch/fits.tsv).
  private static final TorchFits TORCH = TorchFits.of("thermometer_sgd_5000");
  private static final double TORCH_W = TORCH.params()[0];
  private static final double TORCH_B = TORCH.params()[1];

  @Test
  void sameBitsAfterEachOfTheFirstEpochs() {
    for (int epochs = 1; epochs <= 30; epochs++) {
      FitBench bench = new FitBench();
      bench.epochs = epochs;
      bench.setUp();
      double[] viaTrainer = bench.trainer().params();
      bench.compiledLoop();
      assertThat(paramsOf(bench)).isEqualTo(viaTrainer);
      bench.handWrittenLoop();
      assertThat(paramsOf(bench)).isEqualTo(viaTrainer);
    }
  }

  @Test
  void trainerMinimalLoopAndHandWrittenLoopAgree() {
    FitBench bench = new FitBench();
    bench.epochs = Thermometer.EPOCHS;
    bench.setUp();

    TrainingResult trained = bench.trainer();
    double[] viaTrainer = trained.params();
    bench.compiledLoop();
    double[] viaLoop = paramsOf(bench);
    bench.handWrittenLoop();
    double[] viaHand = paramsOf(bench);

    assertThat(trained.epochs()).isEqualTo(Thermometer.EPOCHS);
    assertThat(viaLoop).isEqualTo(viaTrainer);
    assertThat(viaHand).isEqualTo(viaTrainer);
    assertThat(viaTrainer[0]).isWithin(1e-9 * TORCH_W).of(TORCH_W);
    assertThat(viaTrainer[1]).isWithin(1e-9 * -TORCH_B).of(TORCH_B);
  }

  private static double[] paramsOf(FitBench bench) {
    return bench.params.clone();
  }
}
