package org.symgrad.io;

/**
 * A file that cannot be used as asked: bad data, a broken checkpoint, an output path that
 * would destroy something, a limit reached. The message is ready to show a user: it starts
 * with the file (and {@code :line:column} where there is a place) and says what is wrong, on
 * one line.
 */
public final class BadFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A message of one line, shown as {@link Quote#line} shows it: every path it names (and
   * the system's text about it) reaches the terminal on that line, a line break or a format
   * char in a file's name as '?', whichever message names it.
   */
  public BadFileException(String message) {
    super(Quote.line(message), null, false, false);
  }

  /** A problem at a place in a file: {@code file:line:column: error: message}. */
  public static BadFileException at(String file, long line, long column, String message) {
    return new BadFileException(file + ":" + line + ":" + column + ": error: " + message);
  }
}
