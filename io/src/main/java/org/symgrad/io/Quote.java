package org.symgrad.io;

import java.util.List;

/**
 * Text from a user's file, made safe to show in a message: on one line, control and format
 * characters as {@code ?}, and short. A model's {@code data} line can name any file the
 * process can read, so a message quotes only a small excerpt of a bad cell or header, never
 * a whole line.
 */
public final class Quote {
  /** How many characters of a cell or a name a message shows. */
  public static final int LONGEST = 40;
  private static final int MOST_NAMES = 20;

  private Quote() {}

  /** {@code 'text'}, cut after {@link #LONGEST} characters with {@code …}. */
  public static String of(CharSequence text) {
    return "'" + excerpt(text) + "'";
  }

  /** {@code text} on one line and cut short, without quotes. */
  public static String excerpt(CharSequence text) {
    StringBuilder shown = new StringBuilder();
    String string = text.toString();
    int count = 0;
    for (int i = 0; i < string.length(); ) {
      int c = string.codePointAt(i);
      if (count++ == LONGEST) {
        return shown.append('…').toString();
      }
      shown.appendCodePoint(shownAsIs(c) ? c : '?');
      i += Character.charCount(c);
    }
    return shown.toString();
  }

  /**
   * A file's path for a message: whole, but on one line, with the characters that {@link
   * #shownAsIs} refuses as {@code ?} (a file may be named {@code "a\nb.csv"}).
   */
  public static String path(java.nio.file.Path file) {
    return line(file.toString());
  }

  /**
   * {@code text} whole, on one line, with the characters that {@link #shownAsIs} refuses as
   * {@code ?}: for a message that names paths, the system's text about them included (an
   * IOException's message holds the path as written).
   */
  public static String line(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints().forEach(c -> shown.appendCodePoint(shownAsIs(c) ? c : '?'));
    return shown.toString();
  }

  /**
   * Whether a character may reach a terminal as it is: not a control, a line or paragraph
   * separator, an unpaired surrogate, or a format character (a byte order mark, a zero width
   * space, a bidirectional override that would reorder the rest of the message).
   */
  public static boolean shownAsIs(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /**
   * Names for a message, each cut short, and after the first 20 {@code … (N in all)}:
   * {@code x, y, z}.
   */
  public static String names(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(names.size(), MOST_NAMES); i++) {
      text.append(i == 0 ? "" : ", ").append(excerpt(names.get(i)));
    }
    return names.size() > MOST_NAMES ? text + ", … (" + names.size() + " in all)"
        : text.toString();
  }
}
