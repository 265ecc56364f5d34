package org.symgrad.compiler.diagnostic;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The source line above the caret shows what a terminal cannot show as written (a
 * right-to-left override that would reorder the line around the caret, an isolate, a zero
 * width space) as one '?' per code point, and the caret is placed by code points, so it stays
 * under the char the column names. Printable text is shown as it is.
 */
class ExcerptCharsTest {

  private static Diagnostic at(String line, int column, int length) {
    return new Diagnostic(ErrorCode.UNEXPECTED_CHARACTER, "x.sg", 1, column, length, "bad", line,
        null);
  }

  /** The shown line and the caret line of {@code diagnostic}. */
  private static List<String> excerpt(Diagnostic diagnostic) {
    // The excerpt starts on a new line; each of its lines is indented by two spaces.
    return diagnostic.excerpt().lines().skip(1).map(l -> l.substring(2)).toList();
  }

  @Test
  void formatCharsAreShownAsQuestionMarks() {
    for (String hostile : List.of("\u202E", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200B", "\u200F", "\uFEFF", "\u2028", "\u2029", "\u0085")) {
      String line = "model  w" + hostile + " * @ + b";
      int column = line.indexOf('@') + 1;
      assertThat(excerpt(at(line, column, 1)))
          .containsExactly("model  w? * @ + b", " ".repeat(12) + "^").inOrder();
    }
  }

  @Test
  void printableTextIsUnchanged() {
    String line = "model  é * λ + 温度 + Ω @";
    assertThat(excerpt(at(line, line.indexOf('@') + 1, 1)))
        .containsExactly(line, " ".repeat(line.indexOf('@')) + "^").inOrder();
  }

  @Test
  void aCharOutsideTheBasicPlaneIsOneColumnOfTheCaretLine() {
    // U+1D465 MATHEMATICAL ITALIC SMALL X, a letter of two UTF-16 chars: shown as it is, and
    // counted as one column when the caret is placed after it.
    String x = "\uD835\uDC65";
    String line = "w * " + x + " + @";
    List<String> shown = excerpt(at(line, line.indexOf('@') + 1, 1));
    assertThat(shown.get(0)).isEqualTo(line);
    assertThat(shown.get(1)).isEqualTo("        ^");
    // The caret under the pair itself marks it with one '^', not two.
    assertThat(excerpt(at(line, 5, 2)).get(1)).isEqualTo("    ^");
  }

  @Test
  void aLoneSurrogateIsOneQuestionMark() {
    String line = "x\uD800 + @";
    assertThat(excerpt(at(line, line.indexOf('@') + 1, 1)))
        .containsExactly("x? + @", "     ^").inOrder();
  }

  @Test
  void aTabStaysOneColumn() {
    assertThat(excerpt(at("x\t+ @", 5, 1))).containsExactly("x + @", "    ^").inOrder();
  }
}
