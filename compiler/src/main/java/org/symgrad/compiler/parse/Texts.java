package org.symgrad.compiler.parse;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.symgrad.compiler.diagnostic.Diagnostic;

/** How messages show user text: quoted, shortened, unprintable chars named; near misses. */
final class Texts {
  private static final int LONGEST_QUOTE = 40;

  private Texts() {}

  /** {@code 'text'}, shortened with '…' if long, so that a message stays one short line. */
  static String quote(String text) {
    if (text.length() > LONGEST_QUOTE) {
      text = text.substring(0, LONGEST_QUOTE - 1) + "…";
    }
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('\'');
    // A char unfit for the message's line would reach the terminal as written: name it.
    text.codePoints().forEach(c -> {
      if (Diagnostic.shownAsIs(c)) {
        quoted.appendCodePoint(c);
      } else {
        quoted.append(String.format(Locale.ROOT, "U+%04X", c));
      }
    });
    return quoted.append('\'').toString();
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
   * {@code name}: the same letters in another case, or one edit away (two for names of six
   * letters or more), where swapping two neighbours is one edit. Names of one or two letters
   * get no guess: every other short name is one edit away. Else {@code ""}.
   */
  static String didYouMean(String name, Collection<String> known) {
    int allowed = name.length() <= 2 ? 0 : name.length() <= 5 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = candidate.equalsIgnoreCase(name) ? 0 : distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= allowed ? "did you mean '" + best + "'? " : "";
  }

  // Optimal string alignment distance: insertions, deletions, substitutions and swaps of
  // neighbours each cost 1. Names of very different lengths are not compared.
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The sorted list, for hints. */
  static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().toList();
  }
}
