package org.symgrad.cli;

/**
 * Bad data: the message starts with {@code file:line:column:} and says what is wrong, ready
 * to print. The command exits with code 2.
 */
final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DataException(String message) {
    super(message, null, false, false);
  }

  /** A problem at a place in a file. */
  static DataException at(String file, int line, int column, String message) {
    return new DataException(file + ":" + line + ":" + column + ": error: " + message);
  }
}
