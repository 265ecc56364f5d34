package org.symgrad.runtime.train;

import java.util.List;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * A hand-written compiled model {@code w * (scale * x) + b} with the MSE loss, as symgrad would
 * compile it: parameters {@code [w, b]}, one pass per call, no allocation.
 */
final class LinearModel implements CompiledModel {
  private final ModelInfo info;
  private final double scale;

  private LinearModel(String input, String target, double scale) {
    this.scale = scale;
    String x = scale == 1 ? input : "(" + scale + " * " + input + ")";
    this.info = new ModelInfo("linear", "w * " + x + " + b", "mse",
        List.of(ParameterInfo.scalar("w", 0, new Initializer.Constant(1.0)),
            ParameterInfo.scalar("b", 1, new Initializer.Constant(0.0))),
        List.of(input), target, 1);
  }

  /** {@code w * x + b} over columns {@code x} and {@code y}. */
  static LinearModel xy() {
    return new LinearModel("x", "y", 1);
  }

  /** The book's normalised thermometer: {@code w * (0.1 * t_u) + b}, target {@code t_c}. */
  static LinearModel thermometer() {
    return new LinearModel("t_u", "t_c", 0.1);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public void predict(double[] params, Batch inputs, double[] out) {
    double[] x = inputs.column(0);
    for (int r = 0; r < inputs.size(); r++) {
      out[r] = params[0] * (scale * x[r]) + params[1];
    }
  }

  @Override
  public double loss(double[] params, Batch batch) {
    double[] x = batch.column(0);
    double[] y = batch.column(1);
    double sum = 0;
    for (int r = 0; r < batch.size(); r++) {
      double d = params[0] * (scale * x[r]) + params[1] - y[r];
      sum += d * d;
    }
    return sum / batch.size();
  }

  @Override
  public double lossAndGradient(double[] params, Batch batch, double[] grad) {
    double[] x = batch.column(0);
    double[] y = batch.column(1);
    int n = batch.size();
    double sum = 0;
    double gw = 0;
    double gb = 0;
    for (int r = 0; r < n; r++) {
      double xs = scale * x[r];
      double d = params[0] * xs + params[1] - y[r];
      sum += d * d;
      gw += 2 * d * xs;
      gb += 2 * d;
    }
    grad[0] = gw / n;
    grad[1] = gb / n;
    return sum / n;
  }
}
