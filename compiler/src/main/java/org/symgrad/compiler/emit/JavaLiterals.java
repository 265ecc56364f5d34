package org.symgrad.compiler.emit;

/**
 * Doubles as Java source that javac compiles to the very same bits the bytecode emitter
 * pushes with {@code ldc}.
 */
final class JavaLiterals {
  private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);

  private JavaLiterals() {}

  /**
   * {@code value} as a Java expression: {@code 0.1}, {@code 2.0}, {@code -2.5},
   * {@code 1.0E-4}. {@link Double#toString} prints enough digits to read back as the same
   * double (JLS 3.10.2); infinities and NaN are named, and a NaN other than the canonical one
   * is rebuilt from its bits, since no literal can write it.
   */
  static String of(double value) {
    if (Double.isNaN(value)) {
      long bits = Double.doubleToRawLongBits(value);
      return bits == CANONICAL_NAN
          ? "Double.NaN"
          : "Double.longBitsToDouble(0x" + Long.toHexString(bits) + "L)";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(value);
  }
}
