package org.symgrad.io;

/**
 * A file that cannot be used as asked: bad data, a broken checkpoint, an output path that
 * would destroy something, a limit reached. The message is ready to show a user: it starts
 * with the file (and {@code :line:column} where there is a place) and says what is wrong.
 */
public final class BadFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadFileException(String message) {
    super(message, null, false, false);
  }

  /** A problem at a place in a file: {@code file:line:column: error: message}. */
  public static BadFileException at(String file, long line, long column, String message) {
    return new BadFileException(file + ":" + line + ":" + column + ": error: " + message);
  }
}
