package org.symgrad.cli;

/**
 * Bad data: the message starts with {@code file:line:column:} and says what is wrong, ready
 * to print. The command exits with code 2.
 */
final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DataException(String message) {
    super(org.symgrad.io.Quote.line(message), null, false, false); // one line, as UsageException
  }

  /**
   * Column names for a message, on one line and not too many: {@code x, y, z}, control
   * and format characters shown as '?', and after the first 20 {@code … (N in all)}.
   */
  static String listed(java.util.List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(names.size(), 20); i++) {
      text.append(i == 0 ? "" : ", ");
      names.get(i).codePoints().forEach(c ->
          text.appendCodePoint(org.symgrad.io.Quote.shownAsIs(c) ? c : '?'));
    }
    return names.size() > 20 ? text + ", … (" + names.size() + " in all)" : text.toString();
  }

  /** A problem at a place in a file. */
  static DataException at(String file, int line, int column, String message) {
    return new DataException(file + ":" + line + ":" + column + ": error: " + message);
  }
}
