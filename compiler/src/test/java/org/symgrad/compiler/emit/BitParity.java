package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

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
    return finite;
  }

  private static void same(String context, String what, double expected, double actual) {
    assertWithMessage("%s: bytecode gives %s, source gives %s, in %s", what, expected, actual,
        context)
        .that(Long.toHexString(Double.doubleToRawLongBits(actual)))
        .isEqualTo(Long.toHexString(Double.doubleToRawLongBits(expected)));
  }
}
