package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optim;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * {@code TrainerOptions.threads}: through the compiled thermometer at 100 000 rows (25
 * chunks), 1, 2 and 7 threads give the same fit to the bit, and all are the default one-loop
 * fit (no thread count set) to within rounding.
 */
class ThreadedFitTest {
  private static final int ROWS = 100_000;

  @Test
  void oneTwoAndSevenThreadsFitTheSameBits() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    assertThat(model).isInstanceOf(ChunkedKernels.class);
    Dataset data = data();
    TrainingResult two = fit(model, data, 2);
    TrainingResult seven = fit(model, data, 7);
    TrainingResult one = fit(model, data, 1);
    TrainingResult oneLoop = fit(model, data, TrainerOptions.builder());

    for (TrainingResult chunked : List.of(one, seven)) {
      assertThat(bits(chunked.params())).isEqualTo(bits(two.params()));
      assertThat(Double.doubleToRawLongBits(chunked.trainLoss()))
          .isEqualTo(Double.doubleToRawLongBits(two.trainLoss()));
    }
    assertThat(two.params()[0]).isWithin(1e-9).of(oneLoop.params()[0]);
    assertThat(two.params()[1]).isWithin(1e-9).of(oneLoop.params()[1]);
  }

  private static TrainingResult fit(CompiledModel model, Dataset data, int threads) {
    return fit(model, data, TrainerOptions.builder().threads(threads));
  }

  private static TrainingResult fit(
      CompiledModel model, Dataset data, TrainerOptions.Builder options) {
    Trainer trainer = new Trainer(options.epochs(50).validationFraction(0).build());
    return trainer.fit(model, data, new double[] {1.0, 0.0}, Optim.sgd().lr(1e-2).create(2));
  }

  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(7);
    double[] tU = new double[ROWS];
    double[] tC = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      tU[i] = 20 + 70 * random.nextDouble();
      tC[i] = 0.5556 * tU[i] - 17.78 + random.nextGaussian();
    }
    return new Dataset(List.of("t_u", "t_c"), new double[][] {tU, tC});
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
