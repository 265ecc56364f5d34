package org.symgrad.io;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A quoted excerpt of a user's file never carries a character that acts on the terminal. */
class QuoteTest {
  @Test
  void controlFormatSeparatorAndSurrogateCharactersAreShownAsQuestionMarks() {
    assertThat(Quote.of("a\u202Eb")).isEqualTo("'a?b'"); // right-to-left override
    assertThat(Quote.of("a\u200Bb\u2066")).isEqualTo("'a?b?'"); // zero width, isolate
    assertThat(Quote.of("\uFEFFx\u2028y")).isEqualTo("'?x?y'");
    assertThat(Quote.of("\uD800x\uDC00")).isEqualTo("'?x?'"); // unpaired halves
    assertThat(Quote.of("\u0000\u001b[2J\u0085")).isEqualTo("'??[2J?'");
    assertThat(Quote.names(List.of("t\u202Eu", "v"))).isEqualTo("t?u, v");
  }

  @Test
  void printableTextIsShownAsItIs() {
    assertThat(Quote.of("t_u é 😀 ×")).isEqualTo("'t_u é 😀 ×'");
  }

  @Test
  void aPathIsShownWholeOnOneLine() {
    String long_ = "d".repeat(100);
    assertThat(Quote.path(java.nio.file.Path.of(long_, "a\nb\u202E.csv")))
        .isEqualTo(long_ + "/a?b?.csv");
  }
}
