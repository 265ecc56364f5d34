package org.symgrad.runtime.optim;

/** The few reductions LBFGS needs, and Python's {@code min}/{@code max} semantics. */
final class Vectors {
  private Vectors() {}

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** {@code x.abs().max()}; NaN if any entry is NaN, as torch's max. */
  static double maxAbs(double[] x) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  /** {@code x.abs().sum()}. */
  static double sumAbs(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += Math.abs(v);
    }
    return sum;
  }

  /** Python's {@code max(a, b)}: {@code a} unless {@code b > a} (so NaN and -0.0 as Python). */
  static double pyMax(double a, double b) {
    return b > a ? b : a;
  }

  /** Python's {@code min(a, b)}: {@code a} unless {@code b < a}. */
  static double pyMin(double a, double b) {
    return b < a ? b : a;
  }
}
