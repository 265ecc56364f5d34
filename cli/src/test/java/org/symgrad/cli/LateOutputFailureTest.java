package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output that passes every check before the first epoch and still cannot be written at the
 * end (here: its folder is replaced by a file while the fit runs) loses nothing that was computed: the
 * result is on standard output, one JSON document, and the error names the output (issue 16,
 * defect 6).
 */
class LateOutputFailureTest {
  private static final Path SAMPLE = Path.of(FitCommandTest.NORMALIZED);

  @TempDir
  Path folder;

  @ParameterizedTest
  @ValueSource(strings = {"--save", "--plot"})
  void theResultIsPrintedWhenAnOutputFailsAfterTheFit(String option) throws Exception {
    Path model = folder.resolve("m.sg");
    Files.writeString(model, Files.readString(SAMPLE));
    Files.copy(SAMPLE.resolveSibling("thermometer.csv"), folder.resolve("thermometer.csv"));
    Path outputs = Files.createDirectory(folder.resolve("outputs"));
    Path output = outputs.resolve(option.equals("--save") ? "fit.json" : "loss.png");

    StringWriter out = new StringWriter();
    // With --json the epoch log goes to standard error: its first line comes after every
    // check and before the outputs are written, the moment to take the folder away.
    RemovingWriter err = new RemovingWriter(outputs);
    int code = Main.run(new String[] {"fit", model.toString(), "--epochs", "20",
        "--log-every", "1", "--json", option, output.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));

    assertWithMessage("the folder was replaced during the fit").that(err.removed).isTrue();
    assertWithMessage(err.toString()).that(code).isNotEqualTo(0);
    JsonNode result = Json.mapper().readTree(out.toString());
    assertThat(result.get("params").get("w").isNumber()).isTrue();
    assertThat(result.get("epochs").asInt()).isEqualTo(20);
    assertThat(err.toString()).contains(output.toString());
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  /** Standard error that replaces a folder by a file when the first line is written to it. */
  private static final class RemovingWriter extends Writer {
    private final StringWriter text = new StringWriter();
    private final Path folder;
    private boolean removed;

    RemovingWriter(Path folder) {
      this.folder = folder;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      text.write(chars, offset, length);
      if (!removed && text.toString().contains("\n")) {
        removed = true;
        deleteTree(folder);
        try {
          Files.writeString(folder, "not a folder any more");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }

    private static void deleteTree(Path root) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
