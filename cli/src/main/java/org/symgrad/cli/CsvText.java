package org.symgrad.cli;

/** Text for a CSV cell that symgrad writes: quoted when it holds a comma, quote or line end. */
final class CsvText {
  private CsvText() {}

  static String field(String text) {
    if (text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
