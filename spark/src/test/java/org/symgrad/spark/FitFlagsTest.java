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
import org.symgrad.io.Checkpoints;
import org.symgrad.runtime.ModelInfo;

/**
 * {@code symgrad-spark}'s flags of {@code symgrad fit}: {@code --optimizer lm|newton} with
 * its result columns, {@code --scheduler}, {@code --init} and {@code --save}, each checked
 * before Spark starts, with {@code symgrad fit}'s messages and exit codes.
 */
class FitFlagsTest {
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

  private static List<String> csvLines(Path result) throws IOException {
    try (Stream<Path> parts = Files.list(result)) {
      Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-"))
          .findFirst().orElseThrow();
      return Files.readAllLines(part);
    }
  }

  private static ModelInfo info() {
    return ExecutorModels.get(TestSpark.THERMOMETER, "m.sg").info();
  }

  @Test
  void lmFitsEachGroupWithStandardErrorColumnsInCsv() throws IOException {
    Path result = dir.resolve("lm.csv");

    int code = run(model.toString(), "--data", data.toString(), "--group-by", "sensor",
        "--out", result.toString(), "--optimizer", "lm", "--opt", "xtol=1e-10");

    assertThat(code).isEqualTo(0);
    List<String> lines = csvLines(result);
    assertThat(lines.get(0)).isEqualTo("sensor,w,b,stderr_w,stderr_b,train_loss,val_loss,rss,"
        + "residual_sd,dof,epochs,stopped,error");
    assertThat(lines).hasSize(4);
    for (String line : lines.subList(1, 4)) {
      String[] cells = line.split(",", -1);
      assertThat(Double.parseDouble(cells[3])).isGreaterThan(0.0); // stderr_w
      assertThat(cells[6]).isEmpty(); // val_loss: lm fits every row
      assertThat(cells[9]).isEqualTo("18"); // dof: 20 rows, 2 parameters
      assertThat(cells[11]).isEqualTo("converged");
      assertThat(cells[12]).isEmpty();
    }
  }

  @Test
  void anUnknownOptimizerIsRefusedAsSymgradFitRefusesIt() {
    int code = run(model.toString(), "--data", data.toString(), "--group-by", "sensor",
        "--out", dir.resolve("unknown.csv").toString(), "--optimizer", "nwton");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("did you mean newton?");
    assertThat(err.toString()).contains("lm, newton");
  }

  @Test
  void saveWritesTheCheckpointThatInitResumes() throws IOException {
    Path checkpoint = dir.resolve("fit.json");
    Path first = dir.resolve("first.parquet");
    Path second = dir.resolve("second.parquet");

    int saved = run(model.toString(), "--data", data.toString(), "--out", first.toString(),
        "--optimizer", "adam", "--lr", "0.1", "--scheduler", "StepLR:step_size=2,gamma=0.5",
        "--epochs", "4", "--save", checkpoint.toString());
    Checkpoints.Loaded loaded = Checkpoints.load(checkpoint, info());
    Row firstRow = TestSpark.session().read().parquet(first.toString()).first();
    int resumed = run(model.toString(), "--data", data.toString(), "--out", second.toString(),
        "--optimizer", "adam", "--scheduler", "StepLR:step_size=2,gamma=0.5", "--epochs", "3",
        "--init", checkpoint.toString());
    Row secondRow = TestSpark.session().read().parquet(second.toString()).first();

    assertThat(saved).isEqualTo(0);
    assertThat(resumed).isEqualTo(0);
    assertThat(loaded.checkpoint()).isNotNull();
    assertThat(loaded.checkpoint().epoch()).isEqualTo(4);
    assertThat(loaded.checkpoint().learningRate()).isEqualTo(0.025);
    assertThat(loaded.params()[0]).isEqualTo(firstRow.getDouble(firstRow.fieldIndex("w")));
    assertThat(secondRow.getInt(secondRow.fieldIndex("epochs"))).isEqualTo(7);
  }

  @Test
  void initStartsEveryGroupFromItsParameters() throws IOException {
    Path init = Files.writeString(dir.resolve("start.json"),
        "{\"params\": {\"w\": 5.0, \"b\": -15.0}}");
    Path result = dir.resolve("from-init.parquet");

    int code = run(model.toString(), "--data", data.toString(), "--group-by", "sensor",
        "--out", result.toString(), "--epochs", "0", "--init", init.toString());

    assertThat(code).isEqualTo(0);
    List<Row> rows = TestSpark.session().read().parquet(result.toString()).collectAsList();
    assertThat(rows).hasSize(3);
    for (Row row : rows) {
      assertThat(row.getDouble(row.fieldIndex("w"))).isEqualTo(5.0);
      assertThat(row.getDouble(row.fieldIndex("b"))).isEqualTo(-15.0);
    }
  }

  @Test
  void anInitWhoseParametersAreNotFiniteIsRefusedBeforeSpark() throws IOException {
    Path init = Files.writeString(dir.resolve("nan.json"),
        "{\"params\": {\"w\": \"NaN\", \"b\": -15.0}}");
    int code = run(model.toString(), "--data", data.toString(), "--out",
        dir.resolve("never.parquet").toString(), "--init", init.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(init + ": error: parameter w is NaN");
  }

  @Test
  void aDivergedFitLeavesTheCheckpointItWouldHaveReplaced() throws IOException {
    Path checkpoint = Files.writeString(dir.resolve("good.json"), "the user's checkpoint\n");

    int code = run(model.toString(), "--data", data.toString(), "--out",
        dir.resolve("wild.parquet").toString(), "--lr", "50", "--epochs", "200", "--save",
        checkpoint.toString());

    assertThat(code).isEqualTo(3);
    assertThat(Files.readString(checkpoint)).isEqualTo("the user's checkpoint\n");
    assertThat(err.toString()).contains("symgrad-spark: " + checkpoint + " not written: the fit "
        + "diverged and its parameters have no finite loss; the file is left as it was");
  }

  @Test
  void flagsThatCannotWorkAreRefusedBeforeSparkWithExitCodeTwo() throws IOException {
    Path never = dir.resolve("never.csv");
    Path save = dir.resolve("never.json");

    int groupSave = run(model.toString(), "--data", data.toString(), "--group-by", "sensor",
        "--out", never.toString(), "--save", save.toString());
    int lmFlags = run(model.toString(), "--data", data.toString(), "--out", never.toString(),
        "--optimizer", "lm", "--lr", "0.1", "--save", save.toString());
    int scheduler = run(model.toString(), "--data", data.toString(), "--out",
        never.toString(), "--scheduler", "NoSuchLR:gamma=0.5");
    int gamma = run(model.toString(), "--data", data.toString(), "--out", never.toString(),
        "--scheduler", "StepLR:step_size=2,gamma=0");
    int saveOverModel = run(model.toString(), "--data", data.toString(), "--out",
        never.toString(), "--save", model.toString());
    int missingInit = run(model.toString(), "--data", data.toString(), "--out",
        never.toString(), "--init", dir.resolve("absent.json").toString());

    assertThat(List.of(groupSave, lmFlags, scheduler, gamma, saveOverModel, missingInit))
        .containsExactly(2, 2, 2, 2, 2, 2);
    String messages = err.toString();
    assertThat(messages).contains("symgrad-spark: --save " + save + ": a checkpoint is one "
        + "fit's; with --group-by every group's parameters are a row of --out");
    assertThat(messages).contains("symgrad-spark: --lr, --save cannot be used with "
        + "--optimizer lm, which fits every row to a tolerance");
    assertThat(messages).contains("NoSuchLR");
    assertThat(messages).contains("symgrad-spark: --scheduler \"StepLR:step_size=2,gamma=0\": "
        + "gamma=0 must be a finite number above 0");
    assertThat(messages).contains("--save " + model + ": error: is the same file as the model");
    assertThat(messages).contains("absent.json");
    assertThat(messages).doesNotContain("\tat ");
    assertThat(Files.exists(never)).isFalse();
    assertThat(Files.exists(save)).isFalse();
  }
}
