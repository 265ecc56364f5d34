package org.symgrad.bench.baseline;

/**
 * The thermometer's fused pass as one running sum per quantity, the rows in order: what a
 * careful person writes for a small batch, and {@link HandWritten}'s loop below {@code
 * SumLanes.SHORT} rows, the order symgrad adds a short pass in, so there it equals the compiled
 * kernel to the bit. Past that it rounds differently (one chain of additions against eight
 * lanes); the benchmarks keep it beside the others to show what the lanes gain or cost.
 */
public final class HandWrittenPlain {
  private HandWrittenPlain() {}

  /** The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    double w = params[0];
    double b = params[1];
    double loss = 0;
    double rx = 0;
    double r1 = 0;
    for (int i = 0; i < n; i++) {
      double x = 0.1 * tu[i];
      double r = w * x + b - tc[i];
      loss += r * r;
      rx += r * x;
      r1 += r;
    }
    grad[0] = 2 * rx / n;
    grad[1] = 2 * r1 / n;
    return loss / n;
  }
}
