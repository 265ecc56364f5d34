package org.symgrad.bench.baseline;

import org.symgrad.runtime.SumLanes;

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
 * pass; a plain loop for a short batch, eight lanes for each of the three sums past it.
 *
 * <p>Not done, because it changes the rounding and so is not the same math: reassociating
 * {@code w * (0.1 * t_u)} into {@code (0.1 * w) * t_u}, which would hoist another multiply.
 */
public final class HandWritten {
  private HandWritten() {}

  /**
   * The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. Rows
   * are added in the order every symgrad backend adds them (runtime {@code SumLanes}): fewer
   * than {@link SumLanes#SHORT} in row order, one running sum each ({@link HandWrittenPlain});
   * more, row {@code 8g + k} of each whole group of 8 into lane {@code k} of each sum, the last
   * rows into lane 0, then the lanes in a fixed tree. That is also what a careful person writes
   * for speed: a plain loop for a few rows, and for many, eight accumulators a sum, so that the
   * additions of one row do not wait for the previous row's.
   */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    if (n < SumLanes.SHORT) {
      return HandWrittenPlain.lossAndGradient(params, tu, tc, n, grad);
    }
    double w = params[0];
    double b = params[1];
    // l: Σ r², a: Σ r·x, c: Σ r, each in the eight lanes 0 … 7
    double l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    double c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
    int whole = n - n % 8;
    for (int g = 0; g < whole; g += 8) {
      double x0 = 0.1 * tu[g + 0];
      double r0 = w * x0 + b - tc[g + 0];
      l0 += r0 * r0;
      a0 += r0 * x0;
      c0 += r0;
      double x1 = 0.1 * tu[g + 1];
      double r1 = w * x1 + b - tc[g + 1];
      l1 += r1 * r1;
      a1 += r1 * x1;
      c1 += r1;
      double x2 = 0.1 * tu[g + 2];
      double r2 = w * x2 + b - tc[g + 2];
      l2 += r2 * r2;
      a2 += r2 * x2;
      c2 += r2;
      double x3 = 0.1 * tu[g + 3];
      double r3 = w * x3 + b - tc[g + 3];
      l3 += r3 * r3;
      a3 += r3 * x3;
      c3 += r3;
      double x4 = 0.1 * tu[g + 4];
      double r4 = w * x4 + b - tc[g + 4];
      l4 += r4 * r4;
      a4 += r4 * x4;
      c4 += r4;
      double x5 = 0.1 * tu[g + 5];
      double r5 = w * x5 + b - tc[g + 5];
      l5 += r5 * r5;
      a5 += r5 * x5;
      c5 += r5;
      double x6 = 0.1 * tu[g + 6];
      double r6 = w * x6 + b - tc[g + 6];
      l6 += r6 * r6;
      a6 += r6 * x6;
      c6 += r6;
      double x7 = 0.1 * tu[g + 7];
      double r7 = w * x7 + b - tc[g + 7];
      l7 += r7 * r7;
      a7 += r7 * x7;
      c7 += r7;
    }
    for (int i = whole; i < n; i++) {
      double x = 0.1 * tu[i];
      double r = w * x + b - tc[i];
      l0 += r * r;
      a0 += r * x;
      c0 += r;
    }
    grad[0] = 2 * (((a0 + a4) + (a1 + a5)) + ((a2 + a6) + (a3 + a7))) / n;
    grad[1] = 2 * (((c0 + c4) + (c1 + c5)) + ((c2 + c6) + (c3 + c7))) / n;
    return (((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7))) / n;
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
