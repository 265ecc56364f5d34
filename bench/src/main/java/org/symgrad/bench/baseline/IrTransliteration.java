package org.symgrad.bench.baseline;

/**
 * The thermometer kernel's IR ({@code Symgrad.lower(model)}), transliterated into Java one
 * instruction a statement and compiled by javac: a diagnostic, not a contender. Against the
 * compiled kernel it shows what the emitted hidden class costs beyond its IR (nothing, if the
 * emitter is right); against {@link HandWritten} it shows what the IR's extra instruction, the
 * per-row {@code t9 = mul 2 t7}, costs. Bit-identical to both (tested).
 */
public final class IrTransliteration {
  private IrTransliteration() {}

  /** The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    double t0 = params[0];
    double t1 = params[1];
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int row = 0; row < n; row++) {
      double t2 = tu[row];
      double t3 = 0.1 * t2;
      double t4 = t0 * t3;
      double t5 = t4 + t1;
      double t6 = tc[row];
      double t7 = t5 - t6;
      double t8 = t7 * t7;
      double t9 = 2.0 * t7;
      double t10 = t9 * t3;
      s0 += t8;
      s1 += t10;
      s2 += t9;
    }
    double t11 = n;
    grad[0] = s1 / t11;
    grad[1] = s2 / t11;
    return s0 / t11;
  }
}
