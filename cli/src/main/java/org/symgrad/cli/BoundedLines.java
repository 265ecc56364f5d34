package org.symgrad.cli;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Lines of a stream, each at most a limit long: past it the read stops with a message, so
 * an endless line ({@code grad - < /dev/zero}) ends in exit code 2, not out of memory.
 */
final class BoundedLines {
  private BoundedLines() {}

  /** The next line without its end, or null at the end of the stream. */
  static String read(BufferedReader in, int longest, int lineNumber) throws IOException {
    StringBuilder line = new StringBuilder();
    int c = in.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n' && c != '\r') {
      if (line.length() == longest) {
        throw new UsageException("standard input:" + lineNumber + ": error: a line longer "
            + "than " + longest + " characters, the longest symgrad reads");
      }
      line.append((char) c);
      c = in.read();
    }
    if (c == '\r') {
      in.mark(1);
      if (in.read() != '\n') {
        in.reset();
      }
    }
    return line.toString();
  }
}
