package org.symgrad.runtime.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments given to one optimizer or scheduler, as text, read against its {@link Option}s.
 * Unknown names are refused when made; each value is parsed when asked for, and a malformed
 * one is refused with a message naming the owner, the option and what it should look like.
 */
final class Options {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|infinity|nan)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private final String owner;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private final Map<String, String> given;

  private Options(String owner, List<Option> options, Map<String, String> given) {
    this.owner = owner;
    options.forEach(option -> this.options.put(option.name(), option));
    this.given = Map.copyOf(given);
  }

  /** Checks that every given name is one of {@code options}. */
  static Options of(String owner, List<Option> options, Map<String, String> given) {
    Options result = new Options(owner, options, given);
    for (String name : given.keySet()) {
      if (!result.options.containsKey(name)) {
        throw new IllegalArgumentException(
            owner
                + " has no option '"
                + name
                + "'; its options are "
                + String.join(", ", result.options.keySet()));
      }
    }
    return result;
  }

  double number(String name) {
    String text = text(name, Option.Kind.NUMBER);
    return parseNumber(name, text, text);
  }

  double[] pair(String name) {
    String text = text(name, Option.Kind.PAIR);
    String[] parts = unbracket(text).split(",", -1);
    if (parts.length != 2) {
      throw malformed(name, text);
    }
    return new double[] {parseNumber(name, parts[0], text), parseNumber(name, parts[1], text)};
  }

  boolean flag(String name) {
    String text = text(name, Option.Kind.FLAG);
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw malformed(name, text);
  }

  int integer(String name) {
    String text = text(name, Option.Kind.INTEGER);
    return parseInteger(name, text, text);
  }

  /** {@code null} for None. */
  Integer optionalInteger(String name) {
    String text = text(name, Option.Kind.OPTIONAL_INTEGER);
    return isNone(text) ? null : parseInteger(name, text, text);
  }

  /** {@code null} for None. */
  String word(String name) {
    String text = text(name, Option.Kind.TEXT);
    return isNone(text) ? null : text;
  }

  int[] integers(String name) {
    String text = text(name, Option.Kind.INTEGER_LIST);
    String inside = unbracket(text);
    if (inside.isEmpty()) {
      return new int[0];
    }
    List<Integer> values = new ArrayList<>();
    for (String part : inside.split(",", -1)) {
      values.add(parseInteger(name, part, text));
    }
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  private String text(String name, Option.Kind kind) {
    Option option = options.get(name);
    if (option == null || option.kind() != kind) {
      throw new AssertionError(owner + " reads option " + name + " as " + kind);
    }
    String text = given.containsKey(name) ? given.get(name) : option.defaultText();
    if (text == null) {
      throw new IllegalArgumentException(
          owner + " needs option '" + name + "' (" + option.expected() + ")");
    }
    return text.strip();
  }

  private double parseNumber(String name, String part, String whole) {
    String text = part.strip();
    if (!NUMBER.matcher(text).matches()) {
      throw malformed(name, whole);
    }
    String lower = text.toLowerCase(Locale.ROOT).replace("infinity", "inf");
    switch (lower.replace("+", "")) {
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
      case "-nan":
        return Double.NaN;
      default:
        return Double.parseDouble(text);
    }
  }

  private int parseInteger(String name, String part, String whole) {
    String text = part.strip();
    if (!INTEGER.matcher(text).matches()) {
      throw malformed(name, whole);
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException tooLarge) {
      throw malformed(name, whole);
    }
  }

  private IllegalArgumentException malformed(String name, String text) {
    return new IllegalArgumentException(
        owner
            + " option '"
            + name
            + "' must be "
            + options.get(name).expected()
            + ", got '"
            + text
            + "'");
  }

  private static boolean isNone(String text) {
    return text.equalsIgnoreCase("none") || text.equalsIgnoreCase("null");
  }

  /** Strips one pair of surrounding brackets or parentheses: torch writes tuples and lists. */
  private static String unbracket(String text) {
    String stripped = text.strip();
    if (stripped.length() >= 2
        && ((stripped.startsWith("[") && stripped.endsWith("]"))
            || (stripped.startsWith("(") && stripped.endsWith(")")))) {
      return stripped.substring(1, stripped.length() - 1).strip();
    }
    return stripped;
  }
}
