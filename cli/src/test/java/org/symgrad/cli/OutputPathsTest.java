package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output paths never destroy what is there (issue 16, defect 1), for every output option of
 * every command: a FIFO, a directory or a dangling link is refused and left as it was; a
 * link to a regular file is written through; an output that is an input of the run, or
 * another output, is refused; every refusal comes before the first epoch; a new file's mode
 * is the umask's, a replaced one keeps its own.
 */
class OutputPathsTest {
  private static final Path SAMPLE = Path.of(FitCommandTest.NORMALIZED);

  @TempDir
  Path folder;
  private Path model;
  private Path data;
  private Path fit;

  @BeforeEach
  void copySample() throws Exception {
    model = folder.resolve("m.sg");
    data = folder.resolve("thermometer.csv");
    Files.writeString(model, Files.readString(SAMPLE));
    Files.copy(SAMPLE.resolveSibling("thermometer.csv"), data);
    fit = folder.resolve("fit.json");
    assertThat(CommandRun.of("fit", model.toString(), "--epochs", "5", "--save",
        fit.toString(), "--quiet").exitCode()).isEqualTo(0);
  }

  /** A run writing {@code path} through {@code option}, on the command that has it. */
  private CommandRun write(String option, Path path) {
    List<String> args = new ArrayList<>();
    if (option.equals("--out")) {
      args.addAll(List.of("predict", model.toString(), "--init", fit.toString()));
    } else {
      args.addAll(List.of("fit", model.toString(), "--epochs", "5"));
    }
    args.addAll(List.of(option, path.toString()));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static void assertRefusedBeforeWork(CommandRun run, String what) {
    assertWithMessage("%s: %s", what, run.err()).that(run.exitCode()).isEqualTo(2);
    assertWithMessage(what).that(run.out()).isEmpty(); // no epoch, no result, no CSV
    assertWithMessage(what).that(run.err()).doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--save", "--plot", "--history", "--out"})
  void aFifoIsRefusedAndLeftAFifo(String option) throws Exception {
    Path fifo = folder.resolve("pipe");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no FIFO");
    CommandRun run = write(option, fifo);
    assertRefusedBeforeWork(run, option + " FIFO");
    assertThat(run.err()).contains("is not a regular file");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--save", "--plot", "--history", "--out"})
  void aDirectoryIsRefusedAndLeftAsItWas(String option) throws Exception {
    Path directory = Files.createDirectory(folder.resolve("dir"));
    Files.writeString(directory.resolve("keep.txt"), "keep");
    CommandRun run = write(option, directory);
    assertRefusedBeforeWork(run, option + " directory");
    assertThat(run.err()).contains("is a directory");
    assertThat(Files.readString(directory.resolve("keep.txt"))).isEqualTo("keep");
    Path empty = Files.createDirectory(folder.resolve("empty"));
    assertRefusedBeforeWork(write(option, empty), option + " empty directory");
    assertThat(Files.isDirectory(empty)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--save", "--plot", "--history", "--out"})
  void aLinkIsWrittenThroughAndADanglingOneRefused(String option) throws Exception {
    Path target = folder.resolve("target.out");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(folder.resolve("link.out"), target);
    CommandRun run = write(option, link);
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isNotEqualTo("old");

    Path dangling = Files.createSymbolicLink(folder.resolve("dangling.out"),
        folder.resolve("missing"));
    assertRefusedBeforeWork(write(option, dangling), option + " dangling link");
    assertThat(Files.exists(folder.resolve("missing"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--save", "--plot", "--history", "--out"})
  void anInputOfTheRunIsNeverAnOutput(String option) throws Exception {
    for (Path input : List.of(model, data, fit)) {
      if (input == fit && option.equals("--save")) {
        continue; // resuming in place, below
      }
      byte[] before = Files.readAllBytes(input);
      CommandRun run = option.equals("--out") || input != fit ? write(option, input)
          : CommandRun.of("fit", model.toString(), "--init", fit.toString(), option,
              fit.toString());
      assertRefusedBeforeWork(run, option + " onto " + input.getFileName());
      assertThat(run.err()).contains("is the same file as");
      assertThat(Files.readAllBytes(input)).isEqualTo(before);
    }
  }

  @Test
  void aFitResumesInPlaceBySavingOverItsInit() throws Exception {
    CommandRun run = CommandRun.of("fit", model.toString(), "--init", fit.toString(),
        "--epochs", "3", "--save", fit.toString(), "--quiet");
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    assertThat(Json.mapper().readTree(Files.readString(fit)).get("epoch").asInt()).isEqualTo(8);
  }

  @Test
  void twoOutputsAreNeverOneFile() {
    Path same = folder.resolve("both.out");
    CommandRun run = CommandRun.of("fit", model.toString(), "--save", same.toString(),
        "--plot", same.toString());
    assertRefusedBeforeWork(run, "--save X --plot X");
    assertThat(run.err()).isEqualTo("--plot " + same + ": error: is the same file as --save "
        + same + "; give each output a file of its own\n");
    assertThat(Files.exists(same)).isFalse();
  }

  @Test
  void aFolderThatIsAFileIsRefusedBeforeTheFirstEpoch() throws Exception {
    CommandRun run = CommandRun.of("fit", model.toString(), "--save",
        data.resolve("fit.json").toString());
    assertRefusedBeforeWork(run, "--save under a file");
    assertThat(run.err()).contains("is not a folder");
  }

  @Test
  void aNewFileHasTheUmasksModeAndAReplacedOneKeepsItsOwn() throws Exception {
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path touched = Files.createFile(folder.resolve("touched")); // the umask's mode
    Path fresh = folder.resolve("fresh.json");
    assertThat(write("--save", fresh).exitCode()).isEqualTo(0);
    assertThat(Files.getPosixFilePermissions(fresh))
        .isEqualTo(Files.getPosixFilePermissions(touched));

    Path kept = folder.resolve("kept.csv");
    Files.writeString(kept, "old");
    var mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(kept, mode);
    assertThat(write("--history", kept).exitCode()).isEqualTo(0);
    assertThat(Files.getPosixFilePermissions(kept)).isEqualTo(mode);
    assertThat(Files.readString(kept)).startsWith("epoch,");
  }
}
