package org.symgrad.bench.baseline;

/**
 * The thermometer's fused pass as a careful person writes it: the practical limit a compiled
 * kernel is measured against.
 *
 * <p>The same math as the compiled kernel, to the bit: {@code r = w * (0.1 * t_u) + b - t_c},
 * loss {@code mean(r²)}, {@code dL/dw = mean(2 r · 0.1 t_u)}, {@code dL/db = mean(2 r)}. What
 * the person does that the compiler does not (yet): the factor 2 is taken out of the sums and
 * applied once. Scaling by 2 is exact in binary floating point, so {@code Σ 2rx = 2 Σ rx} bit
 * for bit, and the results equal the compiled kernel's exactly (a test checks it) while the
 * loop does two multiplications fewer per row. Parameters are read once, before the loop; one
 * pass; three accumulators in registers; nothing allocated.
 *
 * <p>Not done, because it changes the rounding and so is not the same math: reassociating
 * {@code w * (0.1 * t_u)} into {@code (0.1 * w) * t_u}, which would hoist another multiply.
 */
public final class HandWritten {
  private HandWritten() {}

  /** The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    double w = params[0];
    double b = params[1];
    double loss = 0;
    double sumRx = 0;
    double sumR = 0;
    for (int i = 0; i < n; i++) {
      double x = 0.1 * tu[i];
      double r = w * x + b - tc[i];
      loss += r * r;
      sumRx += r * x;
      sumR += r;
    }
    grad[0] = 2 * sumRx / n;
    grad[1] = 2 * sumR / n;
    return loss / n;
  }

  /**
   * A whole fit with plain SGD from {@code params} (changed in place): the limit for fits per
   * second. The update is {@code torch.optim.SGD}'s as the runtime's {@code SGD} rounds it, one
   * fused multiply-add {@code p = fma(-lr, g, p)}, so that this loop does the Trainer's exact
   * arithmetic. Returns the loss of the last epoch, before its update.
   */
  public static double fit(double[] params, double[] tu, double[] tc, int n, double lr,
      int epochs, double[] grad) {
    double loss = Double.NaN;
    for (int epoch = 0; epoch < epochs; epoch++) {
      loss = lossAndGradient(params, tu, tc, n, grad);
      params[0] = Math.fma(-lr, grad[0], params[0]);
      params[1] = Math.fma(-lr, grad[1], params[1]);
    }
    return loss;
  }
}
