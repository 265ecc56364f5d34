package org.symgrad.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * Inputs of any size end in a message naming the input and the limit, never in an {@code
 * OutOfMemoryError}: tried with small limits and endless generated streams, not with
 * gigabytes.
 */
class LimitsTest {
  @TempDir
  Path folder;

  /** An endless stream of one byte, as {@code /dev/zero} is of zeros. */
  private static InputStream endless(byte value) {
    return new InputStream() {
      @Override
      public int read() {
        return value;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        java.util.Arrays.fill(buffer, offset, offset + length, value);
        return length;
      }
    };
  }

  private static Dataset read(InputStream in, CsvLimits limits) {
    return Datasets.readCsv(in, "data.csv", null, false, limits);
  }

  @Test
  void anEndlessLineEndsAtTheLineLimit() {
    BadFileException e = assertThrows(BadFileException.class,
        () -> read(endless((byte) 0), new CsvLimits(1000, 1000)));
    assertThat(e).hasMessageThat().isEqualTo("data.csv:1:1: error: a line longer than 1000 "
        + "characters, the longest symgrad reads (is this a CSV file?)");
    BadFileException digits = assertThrows(BadFileException.class,
        () -> read(endless((byte) '7'), new CsvLimits(4096, 1000)));
    assertThat(digits).hasMessageThat().contains("a line longer than 4096 characters");
  }

  @Test
  void endlessRowsEndAtTheValueLimit() {
    InputStream rows = new java.io.SequenceInputStream(
        new ByteArrayInputStream("x,y\n".getBytes(StandardCharsets.UTF_8)),
        new InputStream() {
          private final byte[] row = "1,2\n".getBytes(StandardCharsets.UTF_8);
          private long at;

          @Override
          public int read() {
            return row[(int) (at++ % row.length)];
          }
        });
    BadFileException e = assertThrows(BadFileException.class,
        () -> read(rows, new CsvLimits(1000, 5000)));
    assertThat(e).hasMessageThat().isEqualTo("data.csv:2502:1: error: too much data: 2500 "
        + "rows of 2 columns are read, the most this JVM keeps is 5000 values (an eighth of "
        + "its heap; give it more with -Xmx)");
  }

  @Test
  void justUnderTheLimitsIsRead() {
    Dataset data = read(new ByteArrayInputStream("x,y\n1,2\n3,4\n".getBytes(
        StandardCharsets.UTF_8)), new CsvLimits(4, 4));
    assertThat(data.rows()).isEqualTo(2);
    assertThat(data.column("y")).usingExactEquality().containsExactly(2.0, 4.0).inOrder();
  }

  @Test
  void aJsonFileLargerThanTheLimitIsRefused() throws Exception {
    Path file = folder.resolve("big.json");
    Files.writeString(file, "{\"params\": {\"w\": " + "1".repeat(50) + "}}" + " ".repeat(200));
    BadFileException e = assertThrows(BadFileException.class,
        () -> Checkpoints.readJson(file, 100));
    assertThat(e).hasMessageThat().isEqualTo(file + ": error: larger than 100 bytes, the most "
        + "symgrad reads from a JSON file");
  }

  @Test
  void badCellsAreQuotedShortAndOnOneLine() {
    String secret = "root:x:0:0:" + "s".repeat(100) + "\u001b[2J";
    BadFileException e = assertThrows(BadFileException.class,
        () -> read(new ByteArrayInputStream(("x\n" + secret + "\n").getBytes(
            StandardCharsets.UTF_8)), CsvLimits.defaults()));
    assertThat(e).hasMessageThat().isEqualTo("data.csv:2:1: error: not a number: '"
        + secret.substring(0, Quote.LONGEST) + "…' in column 'x'");
  }

  @Test
  void aModelsFileSkipsColumnsItDoesNotRead() throws Exception {
    ModelInfo model = new ModelInfo("m", "w * x", "mse",
        List.of(new ParameterInfo("w", List.of(), 0, new org.symgrad.runtime.Initializer.Constant(1))), List.of("x"), "y", 1);
    Path file = folder.resolve("data.csv");
    Files.writeString(file, "id,x,y\nabc,1,2\n");
    Dataset data = Datasets.readCsv(file, model);
    assertThat(data.names()).containsExactly("x", "y").inOrder();
    Files.writeString(file, "id,x\nabc,1\n");
    assertThat(Datasets.readInputs(file, model).names()).containsExactly("x");
    BadFileException e = assertThrows(BadFileException.class,
        () -> Datasets.readCsv(file, model));
    assertThat(e).hasMessageThat().isEqualTo(file + ":1:1: error: missing column 'y' (the "
        + "target) of model m; the header has id, x");
  }
}
