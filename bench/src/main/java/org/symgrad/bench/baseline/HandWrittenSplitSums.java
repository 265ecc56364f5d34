package org.symgrad.bench.baseline;

/**
 * {@link HandWritten}'s loop with each sum split into 4 interleaved partial sums (rows 0, 4, 8…
 * in the first, 1, 5, 9… in the second…), added together after the loop: what splitting the
 * accumulators buys a scalar kernel.
 *
 * <p>The question it answers: is the one-sum loop held up by its sums, each row's {@code loss +=
 * r * r} waiting for the previous row's? If it were, four independent chains would let four
 * rows' additions overlap. Measured (bench/README.md, interleaved ratios), it runs at 0.99 of
 * the one-sum loop for large N: the loop is bound by throughput, not by the sums' latency, so
 * the gain for large batches has to come from vector instructions. The JIT never splits sums
 * itself, because that changes the order of the additions and so the rounding: the results
 * differ from the compiled kernel's in the last bits (a test bounds them).
 */
public final class HandWrittenSplitSums {
  private HandWrittenSplitSums() {}

  /** The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    double w = params[0];
    double b = params[1];
    double loss0 = 0, loss1 = 0, loss2 = 0, loss3 = 0;
    double rx0 = 0, rx1 = 0, rx2 = 0, rx3 = 0;
    double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
    int i = 0;
    for (; i <= n - 4; i += 4) {
      double x0 = 0.1 * tu[i];
      double x1 = 0.1 * tu[i + 1];
      double x2 = 0.1 * tu[i + 2];
      double x3 = 0.1 * tu[i + 3];
      double d0 = w * x0 + b - tc[i];
      double d1 = w * x1 + b - tc[i + 1];
      double d2 = w * x2 + b - tc[i + 2];
      double d3 = w * x3 + b - tc[i + 3];
      loss0 += d0 * d0;
      loss1 += d1 * d1;
      loss2 += d2 * d2;
      loss3 += d3 * d3;
      rx0 += d0 * x0;
      rx1 += d1 * x1;
      rx2 += d2 * x2;
      rx3 += d3 * x3;
      r0 += d0;
      r1 += d1;
      r2 += d2;
      r3 += d3;
    }
    double loss = (loss0 + loss1) + (loss2 + loss3);
    double sumRx = (rx0 + rx1) + (rx2 + rx3);
    double sumR = (r0 + r1) + (r2 + r3);
    for (; i < n; i++) { // the last rows, fewer than 4
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
}
