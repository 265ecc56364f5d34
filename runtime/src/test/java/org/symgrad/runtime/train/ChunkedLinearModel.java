package org.symgrad.runtime.train;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * {@link LinearModel#xy()} with the {@link ChunkedKernels} a compiled model has: the same
 * per-row terms summed over a range of rows (the loss alone too), and the same epilogue over
 * the sums.
 */
final class ChunkedLinearModel extends DelegatingModel implements ChunkedKernels {
  ChunkedLinearModel() {
    super(LinearModel.xy());
  }

  @Override
  public int sumCount() {
    return 3;
  }

  @Override
  public void sums(double[] params, Batch batch, int from, int to, double[] sums) {
    double[] x = batch.column(0);
    double[] y = batch.column(1);
    double sum = 0;
    double gw = 0;
    double gb = 0;
    for (int r = from; r < to; r++) {
      double d = params[0] * x[r] + params[1] - y[r];
      sum += d * d;
      gw += 2 * d * x[r];
      gb += 2 * d;
    }
    sums[0] = sum;
    sums[1] = gw;
    sums[2] = gb;
  }

  @Override
  public void lossSums(double[] params, Batch batch, int from, int to, double[] sums) {
    double[] x = batch.column(0);
    double[] y = batch.column(1);
    double sum = 0;
    for (int r = from; r < to; r++) {
      double d = params[0] * x[r] + params[1] - y[r];
      sum += d * d;
    }
    sums[0] = sum; // the loss alone, as a compiled model's loss-only pass
  }

  @Override
  public double finish(double[] params, double[] sums, int rows, double[] grad) {
    grad[0] = sums[1] / rows;
    grad[1] = sums[2] / rows;
    return sums[0] / rows;
  }
}
