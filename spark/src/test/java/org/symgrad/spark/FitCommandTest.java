package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symgrad-spark} end to end, in the tests' Spark session (which it leaves running). */
class FitCommandTest {
  @TempDir static Path dir;
  private static Path model;
  private static Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void files() throws IOException {
    TestSpark.session();
    model = Files.writeString(dir.resolve("sensors.sg"), TestSpark.THERMOMETER);
    StringBuilder csv = new StringBuilder("sensor,t_u,t_c\n");
    for (int s = 0; s < 3; s++) {
      for (Row r : TestSpark.thermometerRows(20, s, 0.5, -17 + s)) {
        csv.append("s").append(s).append(',').append(r.getDouble(0)).append(',')
            .append(r.getDouble(1)).append('\n');
      }
    }
    data = Files.writeString(dir.resolve("sensors.csv"), csv);
  }

  private int run(String... args) {
    return Fit.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void fitsEachGroupIntoACsvDirectoryWithAHeaderAndRefusesToOverwriteIt() throws IOException {
    Path result = dir.resolve("fits.csv");

    int code = run(model.toString(), "--data", data.toString(), "--group-by", "sensor",
        "--out", result.toString(), "--epochs", "50");
    int again = run(model.toString(), "--data", data.toString(), "--group-by", "sensor",
        "--out", result.toString());

    assertThat(code).isEqualTo(0);
    List<String> lines;
    try (Stream<Path> parts = Files.list(result)) {
      Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-"))
          .findFirst().orElseThrow();
      lines = Files.readAllLines(part);
    }
    assertThat(lines.get(0)).isEqualTo("sensor,w,b,train_loss,val_loss,epochs,stopped,error");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("s0,");
    assertThat(lines.get(3)).endsWith(",50,completed,");
    assertThat(again).isEqualTo(2);
    assertThat(err.toString()).contains("symgrad-spark: --out " + result
        + " already exists; symgrad-spark never overwrites a result");
  }

  @Test
  void withoutGroupByFitsAllRowsIntoOneParquetRow() {
    Path result = dir.resolve("all.parquet");

    int code = run(model.toString(), "--data", data.toString(), "--out", result.toString(),
        "--optimizer", "lbfgs", "--epochs", "5");

    assertThat(code).isEqualTo(0);
    List<Row> rows = TestSpark.session().read().parquet(result.toString()).collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(rows.get(0).fieldIndex("stopped"))).isEqualTo("completed");
  }

  @Test
  void aModelThatDoesNotParseIsReportedAtItsLineAndColumn() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.sg"),
        TestSpark.THERMOMETER.replace("w * t_un", "w * * t_un"));

    int code = run(bad.toString(), "--data", data.toString(), "--out",
        dir.resolve("never.csv").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith(bad + ":6:");
    assertThat(err.toString()).contains("^");
    assertThat(Files.exists(dir.resolve("never.csv"))).isFalse();
  }

  @Test
  void miniBatchesAndBadFlagsAreRefusedWithExitCodeTwo() {
    int batch = run(model.toString(), "--data", data.toString(), "--out",
        dir.resolve("x.csv").toString(), "--batch-size", "8");
    int missing = run(model.toString(), "--data", data.toString(), "--group-by", "probe",
        "--out", dir.resolve("y.csv").toString());
    int format = run(model.toString(), "--data", data.toString(), "--out",
        dir.resolve("z.json").toString());

    assertThat(batch).isEqualTo(2);
    assertThat(missing).isEqualTo(2);
    assertThat(format).isEqualTo(2);
    assertThat(err.toString()).contains("symgrad-spark: --batch-size: mini-batch training is "
        + "not supported on Spark");
    assertThat(err.toString()).contains("symgrad-spark: no group column 'probe'; the data has "
        + "sensor, t_u, t_c");
    assertThat(err.toString()).contains(": expected a .csv or .parquet path");
    assertThat(err.toString()).doesNotContain("\tat ");
  }
}
