package org.symgrad.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code --at "x=1.5,y=-2"} into variable values. */
final class Points {
  private Points() {}

  static Map<String, Double> parse(String text) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (text.isBlank()) {
      throw new UsageException("--at \"" + text + "\": expected name=value pairs such as "
          + "\"x=1.5,y=-2\"");
    }
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new UsageException("--at \"" + text + "\": '" + pair.trim()
            + "' is not name=value (example: \"x=1.5,y=-2\")");
      }
      String name = pair.substring(0, equals).trim();
      String number = pair.substring(equals + 1).trim();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new UsageException("--at \"" + text + "\": '" + name + "' is not a variable name");
      }
      double value;
      try {
        value = Double.parseDouble(number);
      } catch (NumberFormatException e) {
        throw new UsageException("--at \"" + text + "\": " + name + "=" + number
            + " is not a number");
      }
      String beyond = beyondADouble(number, value);
      if (beyond != null) {
        throw new UsageException("--at \"" + text + "\": " + name + "=" + number + " is "
            + beyond + "; a number here is refused, not rounded, as in an expression");
      }
      if (values.put(name, value) != null) {
        throw new UsageException("--at \"" + text + "\": " + name + " is given twice");
      }
    }
    return values;
  }

  /**
   * Why written digits did not survive parsing, or null: Java rounds {@code 1e999} to
   * infinity and {@code 1e-400} to zero without a word, where the expression {@code 1e999} is
   * refused (SG108). {@code NaN} and {@code Infinity} written as such are taken as they are.
   */
  private static String beyondADouble(String number, double value) {
    String digits = number.replaceFirst("^[+-]", "");
    boolean hex = digits.regionMatches(true, 0, "0x", 0, 2);
    String mantissa = hex ? digits.substring(2).split("[pP]", 2)[0] : digits.split("[eE]", 2)[0];
    if (Double.isInfinite(value) && !digits.startsWith("Infinity")) {
      return "beyond the largest double (1.8e308)";
    }
    if (value == 0 && mantissa.matches(hex ? ".*[1-9a-fA-F].*" : ".*[1-9].*")) {
      return "below the smallest double (4.9e-324)";
    }
    return null;
  }
}
