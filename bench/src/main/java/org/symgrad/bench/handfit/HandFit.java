package org.symgrad.bench.handfit;

import org.symgrad.bench.baseline.HandWritten;

/**
 * The fit {@code symgrad bench} times for the thermometer, written by hand: the limit a
 * {@code Trainer} epoch is measured against. Plain SGD ({@code p = fma(-lr, g, p)}, as the
 * runtime's {@code SGD} rounds it) on the training rows, full batch, with what a careful person's
 * training loop also does each epoch: stop before the update when the loss or a gradient is not
 * finite, keep the training loss, evaluate the validation loss without a gradient after the
 * update, keep it, and remember the best epoch and its parameters. State in locals, no
 * allocation after the histories.
 *
 * <p>The same arithmetic as the {@code Trainer}, to the bit (tested): the kernel is {@link
 * HandWritten#lossAndGradient} (one running sum below 24 rows, eight lanes from 24 on), the
 * validation pass {@link HandLoss#loss}.
 */
public final class HandFit {
  private HandFit() {}

  /**
   * What a fit gives: the parameters after the last update, the losses of every epoch (the
   * training loss before the update, the validation loss after it; null without validation),
   * the best validation epoch (1-based, 0 without validation) and the losses at the returned
   * parameters.
   */
  public record Result(double[] params, int epochs, boolean diverged, double[] trainLosses,
      double[] valLosses, int bestEpoch, double[] bestParams, double trainLoss,
      double valLoss) {}

  /** Fits from {@code start} (not changed) for {@code epochs} epochs of SGD at {@code lr}. */
  public static Result fit(HandFitData data, double[] start, double lr, int epochs) {
    return data.validationRows() > 0 ? withValidation(data, start, lr, epochs)
        : trainOnly(data, start, lr, epochs);
  }

  private static Result withValidation(HandFitData data, double[] start, double lr,
      int epochs) {
    double[] tu = data.trainTu();
    double[] tc = data.trainTc();
    int n = tu.length;
    double[] vu = data.valTu();
    double[] vc = data.valTc();
    int m = vu.length;
    double[] p = start.clone();
    double[] g = new double[2];
    double[] trainLosses = new double[epochs];
    double[] valLosses = new double[epochs];
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    double bestW = p[0];
    double bestB = p[1];
    boolean diverged = false;
    int k = 0;
    for (; k < epochs; k++) {
      double loss = HandWritten.lossAndGradient(p, tu, tc, n, g);
      if (!(Double.isFinite(loss) && Double.isFinite(g[0]) && Double.isFinite(g[1]))) {
        diverged = true;
        break;
      }
      p[0] = Math.fma(-lr, g[0], p[0]);
      p[1] = Math.fma(-lr, g[1], p[1]);
      trainLosses[k] = 0.0 + loss;
      double val = HandLoss.loss(p[0], p[1], vu, vc, m);
      valLosses[k] = val;
      if (val < best) {
        best = val;
        bestEpoch = k + 1;
        bestW = p[0];
        bestB = p[1];
      }
    }
    return new Result(p, k, diverged, trainLosses, valLosses, bestEpoch,
        new double[] {bestW, bestB}, HandLoss.loss(p[0], p[1], tu, tc, n),
        HandLoss.loss(p[0], p[1], vu, vc, m));
  }

  private static Result trainOnly(HandFitData data, double[] start, double lr, int epochs) {
    double[] tu = data.trainTu();
    double[] tc = data.trainTc();
    int n = tu.length;
    double[] p = start.clone();
    double[] g = new double[2];
    double[] trainLosses = new double[epochs];
    boolean diverged = false;
    int k = 0;
    for (; k < epochs; k++) {
      double loss = HandWritten.lossAndGradient(p, tu, tc, n, g);
      if (!(Double.isFinite(loss) && Double.isFinite(g[0]) && Double.isFinite(g[1]))) {
        diverged = true;
        break;
      }
      p[0] = Math.fma(-lr, g[0], p[0]);
      p[1] = Math.fma(-lr, g[1], p[1]);
      trainLosses[k] = 0.0 + loss;
    }
    return new Result(p, k, diverged, trainLosses, null, 0, p.clone(),
        HandLoss.loss(p[0], p[1], tu, tc, n), Double.NaN);
  }
}
