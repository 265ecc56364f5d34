package org.symgrad.runtime.optim;

/**
 * One argument of an optimizer or scheduler: its PyTorch name, how its text is read, and its
 * default as text ({@code null}: required). The default goes through the same parser as a
 * user's value, so a default can never disagree with what {@code --help} shows.
 *
 * @param display the default as documentation shows it; usually the default text itself
 */
record Option(String name, Kind kind, String defaultText, String display) {

  enum Kind {
    /** A float: {@code 0.01}, {@code 1e-8}, {@code inf}. */
    NUMBER,
    /** Two floats, as torch's tuples: {@code 0.9,0.999} (brackets or parentheses allowed). */
    PAIR,
    /** {@code true} or {@code false}, any case. */
    FLAG,
    /** A whole number. */
    INTEGER,
    /** A whole number, or {@code None}. */
    OPTIONAL_INTEGER,
    /** A word, or {@code None}; the owner checks which words it takes. */
    TEXT,
    /** Whole numbers: {@code [5,15]}. */
    INTEGER_LIST
  }

  static Option number(String name, String defaultText) {
    return new Option(name, Kind.NUMBER, defaultText, defaultText);
  }

  static Option pair(String name, String defaultText) {
    return new Option(name, Kind.PAIR, defaultText, defaultText);
  }

  static Option flag(String name, String defaultText) {
    return new Option(name, Kind.FLAG, defaultText, defaultText);
  }

  static Option integer(String name, String defaultText) {
    return new Option(name, Kind.INTEGER, defaultText, defaultText);
  }

  static Option text(String name, String defaultText) {
    return new Option(name, Kind.TEXT, defaultText, defaultText);
  }

  static Option required(String name, Kind kind) {
    return new Option(name, kind, null, "required");
  }

  /** The default is computed from other options, which {@code display} explains. */
  static Option computed(String name, Kind kind, String display) {
    return new Option(name, kind, "None", display);
  }

  /** What a value must look like, for messages. */
  String expected() {
    switch (kind) {
      case NUMBER:
        return "a number";
      case PAIR:
        return "two numbers separated by a comma, such as 0.9,0.999";
      case FLAG:
        return "true or false";
      case INTEGER:
        return "a whole number";
      case OPTIONAL_INTEGER:
        return "a whole number or None";
      case TEXT:
        return "a word or None";
      case INTEGER_LIST:
        return "a list of whole numbers, such as [5,15]";
    }
    throw new AssertionError(kind);
  }
}
