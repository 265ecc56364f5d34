package org.symgrad.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON file, in plain words: Jackson's messages name its own classes and
 * features ({@code enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}), which a user of the
 * command cannot act on. The place (line and column) is the caller's.
 */
final class JsonProblems {
  private static final Pattern CHARACTER = Pattern.compile("^Unexpected character \\(.*\\(code "
      + "(\\d+)");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  private static final Pattern CONTROL = Pattern.compile("CTRL-CHAR, code (\\d+)");
  private static final Pattern BYTE = Pattern.compile("byte (0x[0-9a-fA-F]+)");

  private JsonProblems() {}

  /** Jackson's original message (without its location) as a user reads it. */
  static String describe(String jackson) {
    String message = jackson == null ? "" : jackson;
    if (message.startsWith("Non-standard token")) {
      return "NaN and infinities are written as the strings \"NaN\", \"Infinity\" and "
          + "\"-Infinity\", in quotes";
    }
    if (message.startsWith("Duplicate field")) {
      return "the key " + quoted(message) + " appears twice in one object";
    }
    if (message.startsWith("Trailing token")) {
      return "more text after the end of the JSON value";
    }
    if (message.startsWith("Unexpected end-of-input")) {
      return "the file ends in the middle of the JSON value (cut short?)";
    }
    if (message.startsWith("Number value length")) {
      return "a number of more than 1000 digits";
    }
    if (message.startsWith("Document nesting depth")) {
      return "nested more than 1000 levels deep";
    }
    if (message.startsWith("Invalid UTF-8")) {
      Matcher b = BYTE.matcher(message);
      return "the file is not UTF-8 text" + (b.find() ? " (byte " + b.group(1) + ")" : "");
    }
    if (message.startsWith("Invalid numeric value: Leading zeroes")) {
      return "a number with a leading zero (write 1 or 0.1, not 01)";
    }
    if (message.startsWith("Invalid numeric value")) {
      return "a malformed number";
    }
    if (message.startsWith("Illegal character ((CTRL-CHAR")) {
      Matcher code = CONTROL.matcher(message);
      return "a control character" + (code.find() ? " (code " + code.group(1) + ")" : "")
          + " outside a string";
    }
    if (message.startsWith("Illegal unquoted character")) {
      return "a control character inside a string; write it with a backslash escape";
    }
    Matcher c = CHARACTER.matcher(message);
    if (c.find()) {
      int code = Integer.parseInt(c.group(1));
      return "unexpected character " + (Character.isValidCodePoint(code)
          ? Quote.of(new String(Character.toChars(code))) : "code " + code);
    }
    if (message.startsWith("Unrecognized token")) {
      return "unexpected word " + quoted(message) + "; expected a string, a number, an "
          + "array, an object, true, false or null";
    }
    int end = message.indexOf('\n');
    return Quote.excerpt(end < 0 ? message : message.substring(0, end));
  }

  private static String quoted(String message) {
    Matcher m = QUOTED.matcher(message);
    return m.find() ? Quote.of(m.group(1)) : "''";
  }
}
