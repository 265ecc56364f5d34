package org.symgrad.bench;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.runtime.train.TrainingResult;

/**
 * {@link FitBench}'s three ways to fit do the same fit: the book's result, and the same bits,
 * since SGD's {@code p + (-lr) g} and the loops' {@code p - lr g} round alike.
 */
class FitLoopsTest {
  // PyTorch 1.13, float64, SGD(lr=1e-2), 5000 steps from [1, 0] (as cli's FitCommandTest).
  private static final double TORCH_W = 5.367089798058013;
  private static final double TORCH_B = -17.301222521007173;

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
