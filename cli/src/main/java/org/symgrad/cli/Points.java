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
      try {
        if (values.put(name, Double.parseDouble(number)) != null) {
          throw new UsageException("--at \"" + text + "\": " + name + " is given twice");
        }
      } catch (NumberFormatException e) {
        throw new UsageException("--at \"" + text + "\": " + name + "=" + number
            + " is not a number");
      }
    }
    return values;
  }
}
