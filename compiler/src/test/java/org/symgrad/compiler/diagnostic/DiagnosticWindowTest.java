package org.symgrad.compiler.diagnostic;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An error on a very long line quotes a window of it around the caret, not the whole line. */
class DiagnosticWindowTest {

  private static Diagnostic at(String line, int column, int length) {
    return new Diagnostic(ErrorCode.values()[0], "long.sg", 1, column, length, "bad", line,
        null);
  }

  /** The caret line's first '^' falls under the character the column names. */
  private static void assertCaretUnder(Diagnostic diagnostic, char expected) {
    List<String> lines = diagnostic.excerpt().lines().toList();
    String shown = lines.get(1);
    int caret = lines.get(2).indexOf('^');
    assertThat(shown.charAt(caret)).isEqualTo(expected);
  }

  @Test
  void aMegabyteLineIsCutAroundTheColumn() {
    String line = "x".repeat(500_000) + "@" + "y".repeat(500_000);
    Diagnostic diagnostic = at(line, 500_001, 1);

    assertThat(diagnostic.render().length()).isLessThan(3 * Diagnostic.WINDOW);
    assertThat(diagnostic.excerpt()).contains("…");
    assertCaretUnder(diagnostic, '@');
  }

  @Test
  void theStartAndTheEndOfALongLineKeepTheirCaret() {
    String line = "@" + "z".repeat(10_000) + "#";
    assertCaretUnder(at(line, 1, 1), '@');
    assertCaretUnder(at(line, line.length(), 1), '#');
    assertThat(at(line, 1, 1).excerpt()).doesNotContain("…z\n");
  }

  @Test
  void aShortLineIsShownWhole() {
    Diagnostic diagnostic = at("model  sinh2(w * t_u) + b", 8, 5);
    assertThat(diagnostic.excerpt())
        .isEqualTo("\n  model  sinh2(w * t_u) + b\n         ^^^^^");
  }
}
