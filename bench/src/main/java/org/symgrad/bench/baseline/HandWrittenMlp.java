package org.symgrad.bench.baseline;

/**
 * The book's small net (ch. 6: {@code Linear(1, 13) → Tanh → Linear(13, 1)}) on the normalised
 * thermometer input, MSE loss, forward and backward fused by hand: the limit for the compiled
 * MLP once vector parameters land ({@link #MODEL} is its model file).
 *
 * <p>Parameters in declaration order: {@code w1[0..13), b1[13..26), w2[26..39), b2[39]}. One
 * pass over the rows; per row the 13 hidden activations are kept in a scratch array the caller
 * owns (nothing is allocated); the factor 2 of the MSE's derivative is applied once at the end
 * (exact, as in {@link HandWritten}).
 */
public final class HandWrittenMlp {
  public static final int HIDDEN = 13;
  public static final int PARAMETERS = 3 * HIDDEN + 1;

  /** The same model in the model language of docs/design.md, for the compiled variant to come. */
  public static final String MODEL = String.join("\n",
      "input   t_u",
      "target  t_c",
      "param   w1[13] = uniform(-1, 1)",
      "param   b1[13] = uniform(-1, 1)",
      "param   w2[13] = uniform(-1, 1)",
      "param   b2 = 0.0",
      "let     t_un = 0.1 * t_u",
      "model   sum(j, w2[j] * tanh(w1[j] * t_un + b1[j])) + b2",
      "loss    mse",
      "");

  private static final int W1 = 0;
  private static final int B1 = HIDDEN;
  private static final int W2 = 2 * HIDDEN;
  private static final int B2 = 3 * HIDDEN;

  private HandWrittenMlp() {}

  /**
   * The mean loss over the first {@code n} rows; writes the gradient to {@code grad}.
   *
   * @param hidden scratch of at least {@link #HIDDEN} doubles
   */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad, double[] hidden) {
    java.util.Arrays.fill(grad, 0, PARAMETERS, 0.0);
    double b2 = params[B2];
    double loss = 0;
    double sumR = 0;
    for (int i = 0; i < n; i++) {
      double x = 0.1 * tu[i];
      double pred = b2;
      for (int j = 0; j < HIDDEN; j++) {
        double h = Math.tanh(params[W1 + j] * x + params[B1 + j]);
        hidden[j] = h;
        pred += params[W2 + j] * h;
      }
      double r = pred - tc[i];
      loss += r * r;
      sumR += r;
      for (int j = 0; j < HIDDEN; j++) {
        double h = hidden[j];
        double dz = r * params[W2 + j] * (1 - h * h);
        grad[W2 + j] += r * h;
        grad[W1 + j] += dz * x;
        grad[B1 + j] += dz;
      }
    }
    for (int k = 0; k < B2; k++) {
      grad[k] = 2 * grad[k] / n;
    }
    grad[B2] = 2 * sumR / n;
    return loss / n;
  }
}
