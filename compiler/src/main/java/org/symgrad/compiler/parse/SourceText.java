package org.symgrad.compiler.parse;

import java.util.Arrays;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;

/**
 * A text being parsed and its name, which turns character offsets into the 1-based lines and
 * columns of a {@link Diagnostic}. A column counts UTF-16 chars from the start of its line,
 * so it points into the file's line, not into the expression cut out of it. Lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
final class SourceText {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  SourceText(String name, String text) {
    this.name = name;
    this.text = text;
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** The offset of the first char of 1-based {@code line}. */
  int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The offset just past the last char of {@code line}, before its terminator. */
  int lineEnd(int line) {
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    if (end > lineStarts[line - 1] && text.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > lineStarts[line - 1] && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  /** The 1-based line holding {@code offset}; the end of the text belongs to the last line. */
  int lineOf(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** The 1-based column of {@code offset} in its line. */
  int column(int offset) {
    return offset - lineStart(lineOf(offset)) + 1;
  }

  /** A diagnostic marking {@code length} chars at {@code offset}. */
  Diagnostic diagnostic(ErrorCode code, int offset, int length, String message, String hint) {
    int line = lineOf(offset);
    int start = lineStart(line);
    String lineText = text.substring(start, lineEnd(line));
    return new Diagnostic(
        code, name, line, offset - start + 1, length, message, lineText, hint);
  }

  SymgradException error(ErrorCode code, int offset, int length, String message, String hint) {
    return new SymgradException(diagnostic(code, offset, length, message, hint));
  }

  /** An error marking {@code token}. */
  SymgradException error(ErrorCode code, Token token, String message, String hint) {
    return error(code, token.start(), token.length(), message, hint);
  }

  /** An error about the whole text, placed at its end, without a caret line. */
  SymgradException errorAtEnd(ErrorCode code, String message, String hint) {
    int line = lineOf(text.length());
    int column = text.length() - lineStart(line) + 1;
    return new SymgradException(
        new Diagnostic(code, name, line, column, 1, message, null, hint));
  }
}
