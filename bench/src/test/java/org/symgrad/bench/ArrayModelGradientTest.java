package org.symgrad.bench;

import static com.google.common.truth.Truth.assertThat;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.symgrad.bench.baseline.HandWrittenMlp;
import org.symgrad.bench.baseline.HandWrittenWideLinear;

/**
 * The hand-written MLP and wide linear model: their gradients against central differences, and
 * the compiled models of {@link ArrayModelBench} against them.
 */
class ArrayModelGradientTest {

  @Test
  void mlpGradientMatchesCentralDifferences() {
    Problem p = Problem.thermometer(11);
    double[] params = new Random(1).doubles(HandWrittenMlp.PARAMETERS, -1, 1).toArray();
    double[] hidden = new double[HandWrittenMlp.HIDDEN];
    double[] grad = new double[HandWrittenMlp.PARAMETERS];
    HandWrittenMlp.lossAndGradient(params, p.tu, p.tc, p.rows, grad, hidden);
    checkAgainstDifferences(params, grad, at -> HandWrittenMlp.lossAndGradient(at, p.tu, p.tc,
        p.rows, new double[HandWrittenMlp.PARAMETERS], hidden));
  }

  @Test
  void mlpLossIsTheNetsMeanSquaredError() {
    Problem p = Problem.thermometer(11);
    double[] params = new Random(2).doubles(HandWrittenMlp.PARAMETERS, -1, 1).toArray();
    double expected = 0;
    for (int i = 0; i < p.rows; i++) {
      double pred = params[39];
      for (int j = 0; j < 13; j++) {
        pred += params[26 + j] * Math.tanh(params[j] * (0.1 * p.tu[i]) + params[13 + j]);
      }
      expected += (pred - p.tc[i]) * (pred - p.tc[i]) / p.rows;
    }
    double loss = HandWrittenMlp.lossAndGradient(params, p.tu, p.tc, p.rows,
        new double[HandWrittenMlp.PARAMETERS], new double[HandWrittenMlp.HIDDEN]);
    assertThat(loss).isWithin(1e-12 * expected).of(expected);
  }

  @Test
  void wideLinearGradientMatchesCentralDifferences() {
    int features = 20;
    int rows = 50;
    double[][] x = HandWrittenWideLinear.features(features, rows, 3);
    double[] y = HandWrittenWideLinear.target(x, 3);
    double[] params = new Random(4).doubles(features + 1, -1, 1).toArray();
    double[] residual = new double[rows];
    double[] grad = new double[features + 1];
    HandWrittenWideLinear.lossAndGradient(params, x, y, rows, grad, residual);
    checkAgainstDifferences(params, grad, at -> HandWrittenWideLinear.lossAndGradient(at, x, y,
        rows, new double[features + 1], residual));
  }

  @Test
  void compiledWideModelsComputeWhatTheHandWrittenLoopComputes() {
    for (int features : new int[] {20, 1000}) {
      ArrayModelBench.Wide s = new ArrayModelBench.Wide();
      s.features = features;
      s.setUp();
      double expected = HandWrittenWideLinear.lossAndGradient(s.params, s.x, s.y,
          ArrayModelBench.Wide.ROWS, s.grad, s.residual);
      double[] expectedGrad = s.grad.clone();
      for (var model : java.util.List.of(s.compiled, s.rowByRow, s.unrolled)) {
        double[] grad = new double[features + 1];
        double loss = model.lossAndGradient(s.params, s.batch, grad);
        // The hand-written loop adds in other orders: the residual from b, the gradients from 0.
        assertThat(loss).isWithin(1e-12 * expected).of(expected);
        for (int k = 0; k <= features; k++) {
          assertThat(grad[k]).isWithin(1e-9 * Math.abs(expectedGrad[k]) + 1e-15)
              .of(expectedGrad[k]);
        }
      }
    }
  }

  @Test
  void compiledMlpComputesWhatTheHandWrittenLoopComputes() {
    ArrayModelBench.Mlp s = new ArrayModelBench.Mlp();
    s.rows = 11;
    s.setUp();
    double expected = HandWrittenMlp.lossAndGradient(s.params, s.problem.tu, s.problem.tc,
        s.problem.rows, s.grad, s.hidden);
    double[] grad = new double[HandWrittenMlp.PARAMETERS];
    assertThat(s.compiled.lossAndGradient(s.params, s.batch, grad))
        .isWithin(1e-12 * expected).of(expected);
    for (int k = 0; k < grad.length; k++) {
      assertThat(grad[k]).isWithin(1e-9 * Math.abs(s.grad[k]) + 1e-15).of(s.grad[k]);
    }
  }

  private static void checkAgainstDifferences(double[] params, double[] grad,
      ToDoubleFunction<double[]> loss) {
    double h = 1e-6;
    for (int k = 0; k < params.length; k++) {
      double[] up = params.clone();
      double[] down = params.clone();
      up[k] += h;
      down[k] -= h;
      double numeric = (loss.applyAsDouble(up) - loss.applyAsDouble(down)) / (2 * h);
      assertThat(grad[k]).isWithin(1e-6 * Math.max(1, Math.abs(numeric))).of(numeric);
    }
  }
}
