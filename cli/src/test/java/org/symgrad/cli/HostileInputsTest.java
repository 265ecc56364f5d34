package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a hostile user or a broken script gives the command, found by running it from
 * outside (hostile18): an infinite learning rate, text that would reorder the terminal's
 * line, a model file with a byte that is not UTF-8 deep inside it.
 */
class HostileInputsTest {
  private static final String MODEL = FitCommandTest.NORMALIZED;

  @TempDir
  Path folder;

  private static void assertBadInput(CommandRun run, String expected) {
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(expected);
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anInfiniteLearningRateIsRefusedBeforeAnyEpoch() {
    // torch takes lr=inf; the fit then "diverges" at epoch 2 with infinite parameters.
    assertBadInput(CommandRun.of("fit", MODEL, "--lr", "Infinity", "--json"),
        "--lr Infinity: must be a finite number");
    for (String option : List.of("lr=inf", "lr=1e999", "lr=+INF", "weight_decay=-Infinity")) {
      assertBadInput(CommandRun.of("fit", MODEL, "--opt", option, "--json"),
          "--opt " + option + ": must be finite");
    }
    assertBadInput(CommandRun.of("fit", MODEL, "--optimizer", "adam", "--opt",
        "betas=(0.9, inf)", "--json"), "--opt betas=(0.9, inf): must be finite");
  }

  @Test
  void formatCharactersInDataAreNotEchoed() throws Exception {
    // U+202E reverses the rest of a terminal line; U+200B hides; a surrogate is half a char.
    Path data = folder.resolve("data.csv");
    for (String hostile : List.of("\u202E1", "1\u200B", "\u2066x")) {
      Files.writeString(data, "t_u,t_c\n\"" + hostile + "\",2\n");
      CommandRun cell = CommandRun.of("fit", MODEL, "--data", data.toString());
      assertBadInput(cell, data + ":2:1: error: not a number: '");
      assertThat(cell.err().chars().allMatch(c -> org.symgrad.io.Quote.shownAsIs(c)
          || c == '\n')).isTrue();

      Files.writeString(data, hostile + ",t_c\n1,2\n");
      CommandRun header = CommandRun.of("fit", MODEL, "--data", data.toString());
      assertBadInput(header, data + ":1:1: error: missing column 't_u'");
      assertThat(header.err().chars().allMatch(c -> org.symgrad.io.Quote.shownAsIs(c)
          || c == '\n')).isTrue();
    }
  }

  @Test
  void aByteThatIsNotUtf8IsPlacedInTheModelFile() throws Exception {
    Path model = folder.resolve("latin1.sg");
    byte[] head = "input  t_u\ntarget t_c\nparam  w = 1\nmodel  w * t_u".getBytes(
        StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xB0; // a Latin-1 degree sign
    bytes[head.length + 1] = '\n';
    Files.write(model, bytes);
    CommandRun run = CommandRun.of("fit", model.toString(), "--data", folder.toString());
    assertBadInput(run, "latin1.sg:4:15: error [SG219] cannot read " + model
        + ": it is not valid UTF-8");
    assertThat(run.err()).contains("model  w * t_u\n");
    assertThat(run.err()).contains("byte 0xb0 here is not UTF-8");
  }

  @Test
  void predictDoesNotReadTheTargetColumnOfNewData() throws Exception {
    // New data often has the column to predict, blank or 'NA'; predict never needs it.
    Path save = folder.resolve("fit.json");
    assertThat(CommandRun.of("fit", MODEL, "--epochs", "2", "--save", save.toString(),
        "--quiet").exitCode()).isEqualTo(0);
    Path data = folder.resolve("new.csv");
    Files.writeString(data, "t_u,t_c\n10,\n20,NA\n");
    CommandRun run = CommandRun.of("predict", MODEL, "--init", save.toString(), "--data",
        data.toString());
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().get(0)).isEqualTo("t_u,pred");
    assertThat(run.outLines().get(1)).startsWith("10.0,");
  }

  @Test
  void aFileNameWithALineBreakStaysOnTheMessagesLine() throws Exception {
    Path data = folder.resolve("two\nlines\u202E.csv");
    Files.writeString(data, "t_u,t_c\nabc,2\n");
    CommandRun run = CommandRun.of("fit", MODEL, "--data", data.toString());
    assertBadInput(run, folder + "/two?lines?.csv:2:1: error: not a number: 'abc'");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aModelFileNamedWithALineBreakIsNamedOnTheMessagesFirstLine() throws Exception {
    Path model = folder.resolve("two\nlines\u202E.sg");
    Files.writeString(model, "input x\ntarget y\nparam w\nmodel w * q\n");
    CommandRun run = CommandRun.of("check", model.toString());
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("two?lines?.sg:4:11: error [SG204] unknown name 'q'\n");
  }
}
