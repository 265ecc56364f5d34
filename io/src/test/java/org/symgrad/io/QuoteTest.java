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

  @Test
  void aBadFilesMessageIsOneLineWhateverPathItNames() throws Exception {
    // The message names the path twice: as given, and in the system's text about it.
    java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("quote");
    java.nio.file.Path hostile = java.nio.file.Files.createDirectory(
        folder.resolve("a\nb\u202Ec\u2067"));
    try {
      BadFileException e = org.junit.jupiter.api.Assertions.assertThrows(
          BadFileException.class, () -> OutputFiles.check(hostile, "--save"));
      assertThat(e.getMessage()).isEqualTo("--save " + folder + "/a?b?c?: error: is a "
          + "directory; give a file name");
      assertThat(BadFileException.at(hostile.toString(), 2, 1, "x\u2028y").getMessage())
          .isEqualTo(folder + "/a?b?c?:2:1: error: x?y");
    } finally {
      java.nio.file.Files.delete(hostile);
      java.nio.file.Files.delete(folder);
    }
  }

  @Test
  void aLineIsShownWhole() {
    String long_ = "é".repeat(100);
    assertThat(Quote.line(long_ + "\r\n\u2069😀")).isEqualTo(long_ + "???😀");
  }
}
