package org.symgrad.bench.baseline;

import org.symgrad.runtime.SumLanes;

/**
 * The thermometer kernel's IR ({@code Symgrad.lower(model)}), transliterated into Java one
 * instruction a statement and compiled by javac: a diagnostic, not a contender. Against the
 * compiled kernel it shows what the emitted hidden class costs beyond its IR (nothing, if the
 * emitter is right); against {@link HandWritten} it shows what the IR still costs beyond the
 * hand-written loop. Since the lowering sums {@code r} and {@code r * x} and doubles the sums
 * after the loop (ExactFactor), the IR and the hand-written loop do the same arithmetic.
 * Bit-identical to both (tested).
 */
public final class IrTransliteration {
  private IrTransliteration() {}

  /** The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    double t0 = params[0];
    double t1 = params[1];
    // The sums in their eight lanes (runtime SumLanes), as a kernel keeping them in scratch.
    double[] s0 = new double[SumLanes.LANES];
    double[] s1 = new double[SumLanes.LANES];
    double[] s2 = new double[SumLanes.LANES];
    for (int row = 0; row < n; row++) {
      int lane = SumLanes.lane(row, 0, n);
      double t2 = tu[row];
      double t3 = 0.1 * t2;
      double t4 = t0 * t3;
      double t5 = t4 + t1;
      double t6 = tc[row];
      double t7 = t5 - t6;
      double t8 = t7 * t7;
      double t9 = t7 * t3;
      s0[lane] += t8;
      s1[lane] += t9;
      s2[lane] += t7;
    }
    double t10 = n;
    grad[0] = 2.0 * SumLanes.total(s1, 0) / t10;
    grad[1] = 2.0 * SumLanes.total(s2, 0) / t10;
    return SumLanes.total(s0, 0) / t10;
  }
}
