package org.symgrad.compiler.emit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as Java source that javac compiles to the very same bits the bytecode emitter
 * pushes with {@code ldc}, written the same on every JDK.
 */
final class JavaLiterals {
  private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);
  // 17 significant digits always read back as the same double.
  private static final int MAX_DIGITS = 17;

  private JavaLiterals() {}

  /**
   * {@code value} as a Java expression: {@code 0.1}, {@code 2.0}, {@code -2.5},
   * {@code 1.0E-4}, in {@link Double#toString}'s format but always with the fewest digits
   * that read back as the same double (JDK 17's {@code Double.toString(1e23)} is {@code
   * 9.999999999999999E22}, later JDKs' is {@code 1.0E23}; generated files must not depend
   * on the JDK that wrote them). Infinities and NaN are named, and a NaN other than the
   * canonical one is rebuilt from its bits, since no literal can write it.
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
    if (value == 0) {
      return Double.toString(value); // 0.0 or -0.0
    }
    BigDecimal digits = shortest(value);
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) { // where Double.toString writes plain decimals
      String plain = digits.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String unscaled = digits.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - digits.scale();
    return (value < 0 ? "-" : "") + unscaled.charAt(0) + "."
        + (unscaled.length() > 1 ? unscaled.substring(1) : "0") + "E" + exponent;
  }

  // The exact value rounded to the fewest significant digits that parse back to it.
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < MAX_DIGITS; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(rounded.toString()) == value) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
