package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code --init} file edited by hand is refused before the data is read, with the file's
 * name first and without Jackson's words, the same way for every command and optimizer: a
 * parameter of NaN or ±∞, another optimizer's state, a learning rate of NaN, a key twice,
 * text after the object. Found by running the command with such files (hostile18).
 */
class HandEditedInitTest {
  private static final String MODEL = FitCommandTest.NORMALIZED;

  @TempDir
  Path folder;
  private ObjectNode good;
  private Path bad;

  @BeforeEach
  void saveAFit() throws Exception {
    Path save = folder.resolve("fit.json");
    CommandRun run = CommandRun.of("fit", MODEL, "--epochs", "3", "--save", save.toString(),
        "--quiet");
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    good = (ObjectNode) Json.mapper().readTree(Files.readString(save));
    bad = folder.resolve("edited.json");
  }

  private static void assertRefused(CommandRun run, String prefix, String expected) {
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(prefix);
    assertThat(run.err()).contains(expected);
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.err()).doesNotContain("Source");
    assertThat(run.err()).doesNotContain("`");
    assertThat(run.out()).isEmpty();
  }

  private List<CommandRun> everyCommand() {
    String init = bad.toString();
    return List.of(
        CommandRun.of("fit", MODEL, "--init", init, "--epochs", "2", "--json"),
        CommandRun.of("fit", MODEL, "--init", init, "--optimizer", "lm", "--json"),
        CommandRun.of("fit", MODEL, "--init", init, "--optimizer", "newton", "--json"),
        CommandRun.of("predict", MODEL, "--init", init),
        CommandRun.of("eval", MODEL, "--init", init, "--json"));
  }

  @Test
  void aParameterThatIsNotFiniteIsRefusedByEveryCommand() throws Exception {
    for (String value : List.of("NaN", "Infinity", "-Infinity")) {
      ObjectNode edited = good.deepCopy();
      ((ObjectNode) edited.get("params")).put("b", value);
      Files.writeString(bad, Json.line(edited));
      for (CommandRun run : everyCommand()) {
        assertRefused(run, bad + ": error: parameter b is " + value,
            "a fit starts from, and predicts with, finite numbers only");
      }
    }
  }

  @Test
  void stateTheOptimizerDoesNotTakeNamesTheFile() throws Exception {
    ObjectNode adam = good.deepCopy();
    ((ObjectNode) adam.get("optimizer")).put("name", "Adam");
    Files.writeString(bad, Json.line(adam));
    assertRefused(CommandRun.of("fit", MODEL, "--init", bad.toString()),
        bad + ": error: cannot resume from this checkpoint: ", "SGD");

    ObjectNode nanRate = good.deepCopy();
    ((ObjectNode) nanRate.get("optimizer")).put("lr", "NaN");
    Files.writeString(bad, Json.line(nanRate));
    assertRefused(CommandRun.of("fit", MODEL, "--init", bad.toString()),
        bad + ": error: cannot resume from this checkpoint: ", "learning rate");
  }

  @Test
  void aKeyTwiceOrTextAfterTheObjectIsRefusedWithItsPlace() throws Exception {
    String line = Json.line(good);
    Files.writeString(bad, line.substring(0, line.length() - 1) + ",\"epoch\":7}");
    for (CommandRun run : everyCommand()) {
      assertRefused(run, bad + ":1:", "not valid JSON: the key 'epoch' appears twice");
    }
    Files.writeString(bad, line + " {}");
    for (CommandRun run : everyCommand()) {
      assertRefused(run, bad + ":1:", "not valid JSON: more text after the end");
    }
  }

  @Test
  void aBareNaNIsExplainedInPlainWords() throws Exception {
    Files.writeString(bad, Json.line(good).replaceFirst("\"params\":\\{\"w\":[^,]*",
        "\"params\":{\"w\":NaN"));
    for (CommandRun run : everyCommand()) {
      assertRefused(run, bad + ":1:", "written as the strings \"NaN\"");
    }
  }

  @Test
  void aLeadingZeroOrAControlCharacterIsExplainedInPlainWords() throws Exception {
    Files.writeString(bad, Json.line(good).replaceFirst("\"epoch\":", "\"epoch\":0"));
    for (CommandRun run : everyCommand()) {
      assertRefused(run, bad + ":1:", "not valid JSON: a number with a leading zero");
    }
    Files.writeString(bad, Json.line(good).replaceFirst(",", ",\u0001"));
    for (CommandRun run : everyCommand()) {
      assertRefused(run, bad + ":1:", "not valid JSON: a control character (code 1) outside "
          + "a string");
    }
  }

  @Test
  void secondOrderFitsReadInitAsEveryCommandDoes() throws Exception {
    // A byte order mark is accepted, as by fit with a torch optimizer, predict and eval.
    Files.write(bad, ("\uFEFF" + Json.line(good)).getBytes(StandardCharsets.UTF_8));
    for (String optimizer : List.of("lm", "newton")) {
      CommandRun run = CommandRun.of("fit", MODEL, "--init", bad.toString(), "--optimizer",
          optimizer, "--epochs", "2", "--quiet");
      assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    }
    assertRefused(CommandRun.of("fit", MODEL, "--init", folder.toString(), "--optimizer",
        "lm"), folder + ": error: is a directory", "not a JSON file");
  }
}
