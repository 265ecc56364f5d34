package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.io.Quote;

/**
 * Every message that names a user's path names it on the message's one line, a line break or
 * a format char as '?' (as Diagnostic.render shows a model's file name): a path with a line
 * break split the message in two, and a right-to-left override reordered it. One test a
 * command and path option.
 */
class PathMessagesTest {
  /** A name with a line break, a right-to-left override and a zero width space. */
  private static final String HOSTILE = "two\nlines\u202Eab\u200B";
  private static final String SHOWN = "two?lines?ab?";

  @TempDir
  Path folder;
  private Path model;
  private Path fit;
  /** A folder named {@link #HOSTILE}, and its name as messages show it. */
  private Path hostile;
  private String shown;

  @BeforeEach
  void copySample() throws Exception {
    Path sample = Path.of(FitCommandTest.NORMALIZED);
    model = folder.resolve("m.sg");
    Files.writeString(model, Files.readString(sample));
    Files.copy(sample.resolveSibling("thermometer.csv"), folder.resolve("thermometer.csv"));
    fit = folder.resolve("fit.json");
    assertThat(CommandRun.of("fit", model.toString(), "--epochs", "5", "--save",
        fit.toString(), "--quiet").exitCode()).isEqualTo(0);
    hostile = Files.createDirectory(folder.resolve(HOSTILE));
    shown = folder + "/" + SHOWN;
  }

  /** Exit 2, {@code expected} in the message, and the message one line of shown chars. */
  private static void assertOneLine(CommandRun run, String expected) {
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertOneLine(run.err(), expected);
  }

  private static void assertOneLine(String text, String expected) {
    assertThat(text).contains(expected);
    assertWithMessage(text).that(text.lines().count()).isEqualTo(1);
    assertWithMessage(text).that(text.strip().codePoints().allMatch(Quote::shownAsIs)).isTrue();
  }

  @Test
  void fitSave() {
    assertOneLine(CommandRun.of("fit", model.toString(), "--save", hostile.toString()),
        "--save " + shown + ": error: is a directory; give a file name");
  }

  @Test
  void fitPlotInAFolderThatIsAFile() throws Exception {
    Path file = Files.writeString(folder.resolve("a\u2066file"), "");
    assertOneLine(CommandRun.of("fit", model.toString(), "--plot",
        file.resolve(HOSTILE + ".png").toString()), "--plot " + folder + "/a?file/" + SHOWN
        + ".png: error: cannot write: " + folder + "/a?file is not a folder");
  }

  @Test
  void fitPlotWithoutEpochs() {
    assertOneLine(CommandRun.of("fit", model.toString(), "--epochs", "0", "--plot",
        hostile.resolve("loss.png").toString()),
        "--plot " + shown + "/loss.png: --epochs 0 runs no epoch to plot");
  }

  @Test
  void fitHistory() {
    assertOneLine(CommandRun.of("fit", model.toString(), "--history", hostile.toString()),
        "--history " + shown + ": error: is a directory; give a file name");
  }

  @Test
  void twoOutputsThatAreOneFile() {
    String out = hostile.resolve("x").toString();
    assertOneLine(CommandRun.of("fit", model.toString(), "--save", out, "--plot", out),
        "--plot " + shown + "/x: error: is the same file as --save " + shown + "/x");
  }

  @Test
  void anOutputThatIsAnInput() throws Exception {
    Path data = Files.copy(folder.resolve("thermometer.csv"), hostile.resolve("d.csv"));
    assertOneLine(CommandRun.of("fit", model.toString(), "--data", data.toString(),
        "--save", data.toString()), "--save " + shown + "/d.csv: error: is the same file as "
        + "the data " + shown + "/d.csv");
  }

  @Test
  void predictOut() {
    assertOneLine(CommandRun.of("predict", model.toString(), "--init", fit.toString(),
        "--out", hostile.toString()), "--out " + shown + ": error: is a directory");
  }

  @Test
  void emitOutSaysWhereItWroteOnOneLine() {
    CommandRun run = CommandRun.of("emit", model.toString(), "--out", hostile.toString());
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    assertOneLine(run.out(), shown + "/symgrad/generated/Symgrad_M.java");
    assertThat(Files.exists(hostile.resolve("symgrad/generated/Symgrad_M.java"))).isTrue();
  }

  @Test
  void emitOutOverAFolder() throws Exception {
    Files.createDirectories(hostile.resolve("symgrad/generated/Symgrad_M.java"));
    assertOneLine(CommandRun.of("emit", model.toString(), "--out", hostile.toString()),
        "--out " + shown + "/symgrad/generated/Symgrad_M.java: error: is a directory");
  }

  @Test
  void aMissingModelFile() {
    assertOneLine(CommandRun.of("check", hostile.resolve("none.sg").toString()),
        shown + "/none.sg: error: no such model file");
  }

  @Test
  void aModelFolder() {
    assertOneLine(CommandRun.of("emit", hostile.toString()),
        shown + ": error: is a directory, not a model file");
  }

  @Test
  void aModelFileThatIsNotUtf8() throws Exception {
    Path latin1 = Files.write(hostile.resolve("l.sg"), "param w = 1\u00B0\n".getBytes(
        StandardCharsets.ISO_8859_1));
    CommandRun run = CommandRun.of("check", latin1.toString());
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    String first = run.err().lines().findFirst().orElseThrow();
    assertOneLine(first, "l.sg:1:12: error [SG219] cannot read " + shown + "/l.sg: it is not "
        + "valid UTF-8");
  }

  @Test
  void aModelWithoutData() throws Exception {
    Path noData = Files.writeString(hostile.resolve("n.sg"),
        Files.readString(model).replaceAll("(?m)^data.*$", ""));
    assertOneLine(CommandRun.of("fit", noData.toString()),
        shown + "/n.sg: error: no data: give --data FILE.csv");
  }

  @Test
  void dataWithoutRows() throws Exception {
    Path empty = Files.writeString(hostile.resolve("e.csv"), "t_u,t_c\n");
    assertOneLine(CommandRun.of("fit", model.toString(), "--data", empty.toString()),
        shown + "/e.csv:2:1: error: the file has a header but no rows of data");
  }

  @Test
  void aMissingInit() {
    assertOneLine(CommandRun.of("eval", model.toString(), "--init",
        hostile.resolve("f.json").toString()), shown + "/f.json: error: no such file");
  }

  @Test
  void theNoteOnASplitModel() {
    assertOneLine(SplitModelNote.of(hostile.resolve("big.sg"), 4),
        "symgrad: note: " + shown + "/big.sg is large enough");
  }

  @Test
  void anArgumentTooMany() {
    CommandRun run = CommandRun.of("emit", model.toString(), hostile.toString());
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertOneLine(run.err().lines().findFirst().orElseThrow(),
        "Unmatched argument at index 2: '" + shown + "'");
    assertThat(run.err().codePoints().allMatch(c -> c == '\n' || Quote.shownAsIs(c))).isTrue();
  }
}
