package org.symgrad.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.runtime.Dataset;

/** CSV files are read correctly or refused with file, line and column. */
class DatasetsTest {
  @TempDir
  Path folder;

  @Test
  void readsNumbersBlankLinesAndQuotedFields() throws Exception {
    Dataset data = load("x,\"y\"\n1,2.5\n\n\"3\",-4e2\n1e308,.5\n");

    assertThat(data.names()).containsExactly("x", "y").inOrder();
    assertThat(data.column("x")).usingExactEquality().containsExactly(1.0, 3.0, 1e308).inOrder();
    assertThat(data.column("y")).usingExactEquality().containsExactly(2.5, -400.0, 0.5).inOrder();
  }

  @Test
  void aMissingModelOrNameIsNamedNotReadAsEveryColumn() throws Exception {
    Path file = Files.writeString(folder.resolve("d.csv"), "x,y\n1,2\n");
    NullPointerException model = assertThrows(NullPointerException.class,
        () -> Datasets.readCsv(file, (org.symgrad.runtime.ModelInfo) null));
    assertThat(model).hasMessageThat().isEqualTo("model");
    NullPointerException name = assertThrows(NullPointerException.class,
        () -> Datasets.readCsv(new java.io.ByteArrayInputStream(new byte[0]), null, null, false,
            CsvLimits.defaults()));
    assertThat(name).hasMessageThat().isEqualTo("shownName");
  }

  @Test
  void headerOnlyGivesNoRows() throws Exception {
    assertThat(load("x,y\n").rows()).isEqualTo(0);
  }

  @Test
  void emptyFileIsRefused() {
    assertThat(error("")).isEqualTo(
        "data.csv:1:1: error: the file is empty; expected a header line naming the columns");
  }

  @Test
  void raggedRowIsRefusedWithItsLine() {
    assertThat(error("x,y\n1,2\n3\n")).isEqualTo(
        "data.csv:3:1: error: this row has 1 field, the header names 2 (x, y)");
  }

  @Test
  void nanAndInfinityAreRefused() {
    assertThat(error("x,y\n1,NaN\n")).isEqualTo(
        "data.csv:2:3: error: not a number: 'NaN' in column 'y'");
    assertThat(error("x,y\ninf,1\n")).isEqualTo(
        "data.csv:2:1: error: not a number: 'inf' in column 'x'");
    assertThat(error("x,y\n1e309,1\n")).isEqualTo(
        "data.csv:2:1: error: '1e309' is too large for a double, in column 'x'");
  }

  @Test
  void aNumberThatWouldRoundToZeroIsRefusedAndSubnormalsAndZerosAreRead() throws Exception {
    assertThat(error("x,y\n1,1e-400\n")).isEqualTo("data.csv:2:3: error: '1e-400' is too "
        + "small for a double (the smallest is 4.9e-324; it would be read as 0), in column 'y'");
    assertThat(error("x\n-0.000001e-324\n")).contains("'-0.000001e-324' is too small");

    Dataset data = load("x\n4.9e-324\n1e-310\n0\n-0.0e-999\n000.000\n0e5\n");
    assertThat(data.column("x")).usingExactEquality()
        .containsExactly(Double.MIN_VALUE, 1e-310, 0.0, -0.0, 0.0, 0.0).inOrder();
  }

  @Test
  void javaOnlyNumberFormsAreRefused() {
    assertThat(error("x\n1.5d\n")).contains("not a number: '1.5d'");
    assertThat(error("x\n0x1p3\n")).contains("not a number: '0x1p3'");
  }

  @Test
  void missingValueIsNamed() {
    assertThat(error("x,y\n1,\n")).isEqualTo(
        "data.csv:2:3: error: missing value in column 'y'");
  }

  @Test
  void nonUtf8BytesAreRefusedWithTheirPlace() throws Exception {
    Path file = folder.resolve("data.csv");
    Files.write(file, new byte[] {'x', '\n', '1', '\n', (byte) 0xff, '\n'});
    BadFileException e = assertThrows(BadFileException.class, () -> read(file));
    assertThat(e.getMessage()).isEqualTo(
        "data.csv:3:1: error: the file is not UTF-8 text (byte 0xff)");
  }

  @Test
  void duplicateColumnIsRefused() {
    assertThat(error("x,x\n1,2\n")).isEqualTo(
        "data.csv:1:3: error: column 'x' appears twice in the header, and it is read: which "
            + "of the two to read would be ambiguous");
  }

  @Test
  void withoutAModelEveryColumnIsReadAndSoNeedsAName() {
    assertThat(error("x,,y\n1,2,3\n")).isEqualTo(
        "data.csv:1:3: error: column 2 of the header has no name");
  }

  private Dataset load(String text) throws Exception {
    Path file = folder.resolve("data.csv");
    Files.writeString(file, text);
    return read(file);
  }

  // Read as a stream named data.csv, as fit names the file it was given.
  private static Dataset read(Path file) throws java.io.IOException {
    try (var in = Files.newInputStream(file)) {
      return Datasets.readCsv(in, "data.csv", null, false, CsvLimits.defaults());
    }
  }

  private String error(String text) {
    return assertThrows(BadFileException.class, () -> load(text)).getMessage();
  }
}
