package org.symgrad.bench.baseline;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The JVM peer: the thermometer's loss and gradient by Hipparchus' forward-mode automatic
 * differentiation, written as its users write it. {@link Gradient} is Hipparchus' first-order
 * type (cheaper than the general {@code DerivativeStructure}): every operation returns a new
 * object carrying the value and both partial derivatives. The per-row results are summed as
 * plain doubles, the cheapest way to average them.
 */
public final class HipparchusPeer {
  private HipparchusPeer() {}

  /** The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    Gradient w = Gradient.variable(2, 0, params[0]);
    Gradient b = Gradient.variable(2, 1, params[1]);
    double loss = 0;
    double dw = 0;
    double db = 0;
    for (int i = 0; i < n; i++) {
      Gradient r = w.multiply(0.1 * tu[i]).add(b).subtract(tc[i]);
      Gradient squared = r.multiply(r);
      loss += squared.getValue();
      dw += squared.getPartialDerivative(0);
      db += squared.getPartialDerivative(1);
    }
    grad[0] = dw / n;
    grad[1] = db / n;
    return loss / n;
  }
}
