package org.symgrad.bench.baseline;

import java.util.Random;

/**
 * A linear model over many features, {@code sum(j, w[j] * x[j]) + b} with MSE, fused by hand:
 * the limit for the compiled 1000-feature model once vector parameters land ({@link #model}).
 *
 * <p>The data is stored as symgrad stores it, one array per column, so the loop runs column by
 * column, as a careful person would for that layout: first the residuals, adding one feature's
 * column at a time ({@code r += w[j] · x_j}, a loop C2 vectorises), then each weight's
 * gradient as one dot product {@code 2/n Σ r·x_j}. Two sweeps over the data instead of one, but
 * both are sequential; a row-wise single pass would stride across 1000 arrays. The residuals
 * live in a scratch array the caller owns; nothing is allocated.
 */
public final class HandWrittenWideLinear {
  private HandWrittenWideLinear() {}

  /** The model file of a {@code features}-feature linear model, for the compiled variant. */
  public static String model(int features) {
    return String.join("\n",
        "input   x[" + features + "]",
        "target  y",
        "param   w[" + features + "] = 0.0",
        "param   b = 0.0",
        "model   sum(j, w[j] * x[j]) + b",
        "loss    mse",
        "");
  }

  /** Seeded columns {@code x[j][row]} uniform in [-1, 1). */
  public static double[][] features(int features, int rows, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[features][rows];
    for (double[] column : x) {
      for (int i = 0; i < rows; i++) {
        column[i] = 2 * random.nextDouble() - 1;
      }
    }
    return x;
  }

  /** A seeded target: a random linear function of {@code x} plus a little noise. */
  public static double[] target(double[][] x, long seed) {
    Random random = new Random(seed + 1);
    int rows = x[0].length;
    double[] y = new double[rows];
    for (double[] column : x) {
      double weight = random.nextGaussian();
      for (int i = 0; i < rows; i++) {
        y[i] += weight * column[i];
      }
    }
    for (int i = 0; i < rows; i++) {
      y[i] += 0.1 * random.nextGaussian();
    }
    return y;
  }

  /**
   * The mean loss over the first {@code n} rows; writes {@code [dL/dw…, dL/db]} to grad.
   * {@code params} holds {@code w[0..features)} then {@code b}.
   *
   * @param residual scratch of at least {@code n} doubles
   */
  public static double lossAndGradient(double[] params, double[][] x, double[] y, int n,
      double[] grad, double[] residual) {
    int features = x.length;
    double b = params[features];
    for (int i = 0; i < n; i++) {
      residual[i] = b - y[i];
    }
    for (int j = 0; j < features; j++) {
      double w = params[j];
      double[] column = x[j];
      for (int i = 0; i < n; i++) {
        residual[i] += w * column[i];
      }
    }
    double loss = 0;
    double sumR = 0;
    for (int i = 0; i < n; i++) {
      double r = residual[i];
      loss += r * r;
      sumR += r;
    }
    for (int j = 0; j < features; j++) {
      double[] column = x[j];
      double dot = 0;
      for (int i = 0; i < n; i++) {
        dot += residual[i] * column[i];
      }
      grad[j] = 2 * dot / n;
    }
    grad[features] = 2 * sumR / n;
    return loss / n;
  }
}
