package org.symgrad.io;

/**
 * Whether text is a decimal number, {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}: what a CSV
 * cell may hold. The double parsers take more ({@code NaN}, {@code Infinity}, {@code 0x1p3},
 * {@code 1.5d}), which a data file must not; one pass, no backtracking.
 */
final class Decimal {
  private Decimal() {}

  static boolean matches(char[] s, int from, int to) {
    int i = from;
    if (i < to && (s[i] == '+' || s[i] == '-')) {
      i++;
    }
    int digits = 0;
    while (i < to && isDigit(s[i])) {
      i++;
      digits++;
    }
    if (i < to && s[i] == '.') {
      i++;
      while (i < to && isDigit(s[i])) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < to && (s[i] == 'e' || s[i] == 'E')) {
      i++;
      if (i < to && (s[i] == '+' || s[i] == '-')) {
        i++;
      }
      int exponent = i;
      while (i < to && isDigit(s[i])) {
        i++;
      }
      if (i == exponent) {
        return false;
      }
    }
    return i == to;
  }

  /**
   * Whether a number that {@link #matches} has a nonzero digit before its exponent: so that a
   * cell parsed as 0 is known to be 0, not {@code 1e-400} rounded away.
   */
  static boolean hasNonzeroDigit(char[] s, int from, int to) {
    for (int i = from; i < to && s[i] != 'e' && s[i] != 'E'; i++) {
      if (s[i] >= '1' && s[i] <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
