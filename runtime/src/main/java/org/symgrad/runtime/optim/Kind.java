package org.symgrad.runtime.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How an option's value is written as text and read back, as torch writes it: {@code 1e-3},
 * {@code inf}, {@code 0.9,0.999} or {@code (0.9, 0.999)}, {@code True}, {@code None}, {@code
 * [5,15]}. Reading and writing agree, so a value's text reads back to the same value.
 */
final class Kind<T> {
  private static final Pattern NUMBER_TEXT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|infinity|nan)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d+");

  static final Kind<Double> NUMBER = new Kind<>("a number", Kind::number, PyFloat::repr);
  static final Kind<Pair> PAIR =
      new Kind<>("two numbers separated by a comma, such as 0.9,0.999", Kind::pair,
          Pair::toString);
  static final Kind<Boolean> FLAG = new Kind<>("true or false", Kind::flag, String::valueOf);
  static final Kind<Integer> INTEGER =
      new Kind<>("a whole number", Kind::integer, String::valueOf);
  static final Kind<@Nullable Integer> OPTIONAL_INTEGER =
      new Kind<>("a whole number or None", text -> isNone(text) ? null : integer(text),
          value -> value == null ? "None" : value.toString());
  static final Kind<@Nullable String> WORD =
      new Kind<>("a word or None", text -> isNone(text) ? null : text,
          value -> value == null ? "None" : value);
  static final Kind<List<Integer>> INTEGER_LIST =
      new Kind<>("a list of whole numbers, such as [5,15]", Kind::integers,
          values -> values.toString().replace(" ", ""));

  /** A reader's signal that the text has the wrong form; the option says which and why. */
  static final class Malformed extends RuntimeException {
    Malformed() {
      super(null, null, false, false);
    }
  }

  private final String expected;
  private final Function<String, T> reader;
  private final Function<T, String> writer;

  private Kind(String expected, Function<String, T> reader, Function<T, String> writer) {
    this.expected = expected;
    this.reader = reader;
    this.writer = writer;
  }

  /** What a value must look like, for messages. */
  String expected() {
    return expected;
  }

  /** @throws Malformed when the text is not of this kind */
  T read(String text) {
    return reader.apply(text.strip());
  }

  String write(T value) {
    return writer.apply(value);
  }

  private static double number(String text) {
    String stripped = text.strip();
    if (!NUMBER_TEXT.matcher(stripped).matches()) {
      throw new Malformed();
    }
    String lower = stripped.toLowerCase(Locale.ROOT).replace("infinity", "inf").replace("+", "");
    switch (lower) {
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
      case "-nan":
        return Double.NaN;
      default:
        return Double.parseDouble(stripped);
    }
  }

  private static Pair pair(String text) {
    String[] parts = unbracket(text).split(",", -1);
    if (parts.length != 2) {
      throw new Malformed();
    }
    return new Pair(number(parts[0]), number(parts[1]));
  }

  private static boolean flag(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new Malformed();
  }

  private static int integer(String text) {
    String stripped = text.strip();
    if (!INTEGER_TEXT.matcher(stripped).matches()) {
      throw new Malformed();
    }
    try {
      return Integer.parseInt(stripped);
    } catch (NumberFormatException tooLarge) {
      throw new Malformed();
    }
  }

  private static List<Integer> integers(String text) {
    String inside = unbracket(text);
    List<Integer> values = new ArrayList<>();
    if (!inside.isEmpty()) {
      for (String part : inside.split(",", -1)) {
        values.add(integer(part));
      }
    }
    return List.copyOf(values);
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
