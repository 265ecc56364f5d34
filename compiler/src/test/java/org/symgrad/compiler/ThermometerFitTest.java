package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.testing.TorchFits;

/** The book's chapter-5 fit, through the compiled fused kernel and plain SGD. */
class ThermometerFitTest {

  // PyTorch 1.13, float64, SGD(lr=1e-2), 5000 steps from [1, 0] on the normalised model,
  // as make_fits.py recorded it (runtime/src/test/resources/torch/fits.tsv).
  private static final TorchFits TORCH = TorchFits.of("thermometer_sgd_5000");
  private static final double TORCH_W = TORCH.params()[0];
  private static final double TORCH_B = TORCH.params()[1];
  private static final double TORCH_LOSS = TORCH.loss();

  @Test
  void sgdReproducesTheBookAndPyTorch() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    Batch batch = HandBuiltModels.thermometerBatch();
    double[] params = {1.0, 0.0};
    double[] grad = new double[2];
    for (int epoch = 0; epoch < 5000; epoch++) {
      model.lossAndGradient(params, batch, grad);
      params[0] -= 1e-2 * grad[0];
      params[1] -= 1e-2 * grad[1];
    }
    double loss = model.loss(params, batch);

    assertThat(params[0]).isWithin(1e-4).of(5.3671);
    assertThat(params[1]).isWithin(1e-4).of(-17.3012);
    assertThat(loss).isWithin(1e-4).of(2.9276);
    assertThat(relativeError(params[0], TORCH_W)).isLessThan(1e-9);
    assertThat(relativeError(params[1], TORCH_B)).isLessThan(1e-9);
    assertThat(relativeError(loss, TORCH_LOSS)).isLessThan(1e-9);
  }

  @Test
  void lossAndGradientReturnsTheSameLossAsLoss() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    Batch batch = HandBuiltModels.thermometerBatch();
    double[] params = {2.5, -3.0};

    double fused = model.lossAndGradient(params, batch, new double[2]);

    assertThat(fused).isEqualTo(model.loss(params, batch));
  }

  @Test
  void gradientMatchesTheClosedForm() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    Batch batch = HandBuiltModels.thermometerBatch();
    double[] params = {2.5, -3.0};
    double[] grad = new double[2];
    model.lossAndGradient(params, batch, grad);

    double dw = 0;
    double db = 0;
    int n = HandBuiltModels.T_U.length;
    for (int i = 0; i < n; i++) {
      double x = 0.1 * HandBuiltModels.T_U[i];
      double residual = params[0] * x + params[1] - HandBuiltModels.T_C[i];
      dw += 2 * residual * x / n;
      db += 2 * residual / n;
    }
    assertThat(grad[0]).isWithin(1e-12).of(dw);
    assertThat(grad[1]).isWithin(1e-12).of(db);
  }

  @Test
  void predictWritesOnePredictionPerRow() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    double[] out = new double[HandBuiltModels.T_U.length];

    model.predict(new double[] {2.0, 1.0}, HandBuiltModels.thermometerBatch(), out);

    for (int i = 0; i < out.length; i++) {
      assertThat(out[i]).isEqualTo(2.0 * (0.1 * HandBuiltModels.T_U[i]) + 1.0);
    }
  }

  private static double relativeError(double actual, double expected) {
    return Math.abs(actual - expected) / Math.abs(expected);
  }
}
