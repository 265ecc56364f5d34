package org.symgrad.compiler.parse;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** How messages show user text: quoted, shortened, unprintable chars named; near misses. */
final class Texts {
  private static final int LONGEST_QUOTE = 40;

  private Texts() {}

  /** {@code 'text'}, shortened with '…' if long, so that a message stays one short line. */
  static String quote(String text) {
    if (text.length() > LONGEST_QUOTE) {
      text = text.substring(0, LONGEST_QUOTE - 1) + "…";
    }
    return "'" + text + "'";
  }

  /**
   * A character as a message shows it: {@code '@'}; {@code '×' (U+00D7 MULTIPLICATION SIGN)};
   * {@code U+0000 (NULL)} for what cannot be printed.
   */
  static String describe(int codePoint) {
    if (codePoint > 0x20 && codePoint < 0x7f) {
      return "'" + (char) codePoint + "'";
    }
    String code = String.format(Locale.ROOT, "U+%04X", codePoint);
    String name = Character.getName(codePoint);
    String named = name == null ? code : code + " " + name;
    return printable(codePoint)
        ? "'" + new String(Character.toChars(codePoint)) + "' (" + named + ")"
        : named;
  }

  private static boolean printable(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> false;
      default -> true;
    };
  }

  /** What to type instead of a character that looks like an operator, or null. */
  static String lookalike(int codePoint) {
    return switch (codePoint) {
      case 0x2212, 0x2013, 0x2014, 0x2010, 0x2011 -> "write '-'";
      case 0x00D7, 0x00B7, 0x22C5, 0x2217 -> "write '*'";
      case 0x00F7, 0x2215 -> "write '/'";
      case 0x00B2 -> "write '^2'";
      case 0x00B3 -> "write '^3'";
      case 0x00A0, 0x2007, 0x202F, 0x2009, 0x200B, 0xFEFF -> "replace it with a plain space";
      default -> null;
    };
  }

  /** {@code "a, b, c"}. */
  static String join(Collection<String> names) {
    return String.join(", ", names);
  }

  /**
   * {@code "did you mean 'x'? "} when one of {@code known} is a likely misspelling of
   * {@code name} (same letters in another case, or at most two edits), else {@code ""}.
   */
  static String didYouMean(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = candidate.equalsIgnoreCase(name) ? 0 : distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.min(2, Math.max(1, name.length() / 3));
    return best != null && bestDistance <= allowed ? "did you mean '" + best + "'? " : "";
  }

  // Levenshtein distance, with an early exit for names of very different lengths.
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The sorted list, for hints. */
  static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().toList();
  }
}
