package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * Asserts that two compiled models give the same bits, method by method: the same
 * predictions, the same loss, and the same loss and gradient from the fused pass. Raw bits,
 * so even -0.0 against 0.0 or two different NaNs count as a difference.
 */
final class BitParity {
  private BitParity() {}

  /** Whether it was all finite: tests check that they did not compare only NaNs. */
  static boolean assertSameBits(CompiledModel expected, CompiledModel actual, double[] params,
      Batch batch, String context) {
    int rows = batch.size();
    int inputs = expected.info().inputColumns().size();
    double[][] inputColumns = new double[inputs][];
    for (int c = 0; c < inputs; c++) {
      inputColumns[c] = batch.column(c);
    }
    Batch inputBatch = Batch.of(inputColumns, rows); // predict gets no target column
    int outputs = expected.info().outputs();
    double[] expectedOut = new double[rows * outputs];
    double[] actualOut = new double[rows * outputs];
    expected.predict(params.clone(), inputBatch, expectedOut);
    actual.predict(params.clone(), inputBatch, actualOut);
    for (int i = 0; i < expectedOut.length; i++) {
      same(context, "predict row " + i / outputs + " output " + i % outputs, expectedOut[i],
          actualOut[i]);
    }
    double loss = expected.loss(params.clone(), batch);
    same(context, "loss", loss, actual.loss(params.clone(), batch));
    double[] expectedGrad = new double[params.length];
    double[] actualGrad = new double[params.length];
    double fused = expected.lossAndGradient(params.clone(), batch, expectedGrad);
    same(context, "lossAndGradient's loss", fused,
        actual.lossAndGradient(params.clone(), batch, actualGrad));
    boolean finite = Double.isFinite(loss);
    for (int k = 0; k < params.length; k++) {
      same(context, "gradient " + k, expectedGrad[k], actualGrad[k]);
      finite &= Double.isFinite(expectedGrad[k]);
    }
    assertSameChunks(expected, actual, params, batch, context, fused, expectedGrad);
    return finite;
  }

  /**
   * For two models both implementing {@link ChunkedKernels} (a split model does not): the same
   * raw sums over a whole batch and over a range inside it, the loss-only pass's loss sum the
   * same as theirs, the same finish from them, and a finish over the whole batch's sums that is
   * the fused pass, bit for bit.
   */
  static void assertSameChunks(CompiledModel expected, CompiledModel actual, double[] params,
      Batch batch, String context, double fusedLoss, double[] fusedGrad) {
    if (!(expected instanceof ChunkedKernels e) || !(actual instanceof ChunkedKernels a)) {
      return;
    }
    int rows = batch.size();
    assertWithMessage("sumCount in %s", context).that(a.sumCount()).isEqualTo(e.sumCount());
    int[][] ranges = {{0, rows}, {rows / 3, rows - rows / 4}, {rows / 2, rows / 2}};
    for (int[] range : ranges) {
      double[] expectedSums = new double[e.sumCount()];
      double[] actualSums = new double[a.sumCount()];
      e.sums(params.clone(), batch, range[0], range[1], expectedSums);
      a.sums(params.clone(), batch, range[0], range[1], actualSums);
      String rangeText = "rows [" + range[0] + ", " + range[1] + ")";
      for (int i = 0; i < expectedSums.length; i++) {
        same(context, "sums " + i + " over " + rangeText, expectedSums[i], actualSums[i]);
      }
      // The loss-only pass: the loss sum the gradient pass writes.
      double[] lossSums = new double[a.sumCount()];
      a.lossSums(params.clone(), batch, range[0], range[1], lossSums);
      same(context, "lossSums over " + rangeText, expectedSums[0], lossSums[0]);
      double[] expectedGrad = new double[params.length];
      double[] actualGrad = new double[params.length];
      double loss = e.finish(params.clone(), expectedSums, range[1] - range[0],
          expectedGrad);
      same(context, "finish's loss over " + rangeText, loss,
          a.finish(params.clone(), actualSums, range[1] - range[0], actualGrad));
      for (int k = 0; k < params.length; k++) {
        same(context, "finish's gradient " + k + " over " + rangeText, expectedGrad[k],
            actualGrad[k]);
      }
      if (range[0] == 0 && range[1] == rows) { // one chunk: the fused kernel's bits
        same(context, "finish against lossAndGradient", fusedLoss, loss);
        for (int k = 0; k < params.length; k++) {
          same(context, "finish's gradient " + k + " against lossAndGradient's", fusedGrad[k],
              expectedGrad[k]);
        }
      }
    }
  }

  private static void same(String context, String what, double expected, double actual) {
    assertWithMessage("%s: bytecode gives %s, source gives %s, in %s", what, expected, actual,
        context)
        .that(Long.toHexString(Double.doubleToRawLongBits(actual)))
        .isEqualTo(Long.toHexString(Double.doubleToRawLongBits(expected)));
  }
}
