package org.symgrad.runtime.optim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as Python's {@code repr(float)} does ({@code 1e-05}, {@code 0.9}, {@code
 * -1.0}, {@code inf}), so the messages PyTorch formats with {@code "{}".format(x)} read the
 * same here. {@link Double#toString} would say {@code 1.0E-5}.
 */
final class PyFloat {
  private PyFloat() {}

  static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return 1 / x < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(x).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    // The decimal exponent of the first digit: x = d.ddd * 10^exponent.
    int exponent = digits.length() - 1 - shortest.scale();
    String sign = x < 0 ? "-" : "";
    // Python's 'r' format switches to scientific notation outside 1e-4 <= |x| < 1e16.
    if (exponent < -4 || exponent >= 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exponentText = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText;
    }
    if (exponent < 0) {
      return sign + "0." + "0".repeat(-exponent - 1) + digits;
    }
    if (digits.length() <= exponent + 1) {
      return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
    }
    return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
  }

  /** The fewest significant digits that read back as {@code x}, nearest first, as Python. */
  private static BigDecimal shortestRoundTrip(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int precision = 1; precision < 17; precision++) {
      for (RoundingMode mode :
          new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.CEILING, RoundingMode.FLOOR}) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (candidate.doubleValue() == x) {
          return candidate;
        }
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
