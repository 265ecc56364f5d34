package org.symgrad.compiler.diagnostic;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One error with a stable code and a place, rendered as
 *
 * <pre>
 * thermometer.sg:7:10: error [SG103] unknown function 'sinh2'
 *   model  sinh2(w * t_u) + b
 *          ^^^^^
 *   known functions: abs, acos, asin, …
 * </pre>
 *
 * @param errorCode what kind of error it is; its stable tag, {@code SG} and three digits, is
 *     {@link #code()}
 * @param source where the text came from: a file name, or {@code <expression>}
 * @param line 1-based line
 * @param column 1-based column of the first offending character
 * @param length how many characters the caret line marks (at least 1)
 * @param message what is wrong, in one line
 * @param sourceLine the whole line of text the error is in, or null when there is none
 * @param hint what to do about it (known names, the expected token), or null
 */
public record Diagnostic(
    ErrorCode errorCode,
    String source,
    int line,
    int column,
    int length,
    String message,
    @Nullable String sourceLine,
    @Nullable String hint) {

  public Diagnostic {
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
    length = Math.max(1, length);
  }

  /** The most characters of a source line an excerpt shows. */
  public static final int WINDOW = 160;

  /** The stable tag, as printed: {@code SG103}. */
  public String code() {
    return errorCode.id();
  }

  /** The diagnostic as the command line prints it: place, code, message, line, caret, hint. */
  public String render() {
    return shownLine(source) + ':' + line + ':' + column + ": error [" + code() + "] "
        + shownLine(message) + excerpt();
  }

  /**
   * A file name, or a message that may name one (SG219 names the model file's path), as its
   * line shows it: the chars {@link #shownAsIs} refuses as '?', so the line stays one line and
   * reads as written.
   */
  private static String shownLine(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints().forEach(c -> shown.appendCodePoint(shownAsIs(c) ? c : '?'));
    return shown.toString();
  }

  /**
   * Whether a char of user text may reach a terminal as it is in a message's own line: not a
   * control char, a line or paragraph separator, half a surrogate pair, or a format char (a
   * right-to-left override would reorder the rest of the line).
   */
  public static boolean shownAsIs(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /**
   * What {@link #render()} prints below its first line: the source line and its caret, then
   * the hint, each on a new line indented by two spaces; empty when there are neither. For
   * tools that print their own first line, as the annotation processor does.
   */
  public String excerpt() {
    StringBuilder text = new StringBuilder();
    if (sourceLine != null) {
      // A long line is shown as a window around the caret, so an error on a line of a
      // megabyte prints a line, not the megabyte.
      int caretAt = Math.min(column - 1, sourceLine.length());
      int from = Math.max(0, Math.min(caretAt - WINDOW / 3, sourceLine.length() - WINDOW));
      int to = Math.min(sourceLine.length(), from + WINDOW);
      String before = from > 0 ? "…" : "";
      String shown = before + printable(sourceLine.substring(from, to))
          + (to < sourceLine.length() ? "…" : "");
      // The caret line counts code points, as printable shows them: one column each.
      int caretStart = before.length() + sourceLine.codePointCount(from, caretAt);
      int marked = sourceLine.codePointCount(caretAt, caretAt + Math.min(length, to - caretAt));
      text.append("\n  ").append(shown).append("\n  ");
      text.append(" ".repeat(caretStart)).append("^".repeat(Math.max(1, marked)));
    }
    if (hint != null) {
      text.append("\n  ").append(shownLine(hint));
    }
    return text.toString();
  }

  /**
   * A source line as the excerpt shows it, one column a code point: a tab as a space, and a
   * char {@link #shownAsIs} refuses as '?' (a control char would break the line, a format
   * char such as a right-to-left override or an isolate would reorder it around the caret,
   * a zero width space would hide).
   */
  private static String printable(String line) {
    return shownLine(line.replace('\t', ' '));
  }
}
