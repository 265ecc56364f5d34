package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code predict} and {@code eval} on every sample: a short fit saved, then applied. The
 * predictions are checked against the fit's own scores (eval's loss is fit's train_loss on
 * the same rows; accuracy agrees with the class column), not against fixed numbers.
 */
class PredictEvalTest {
  private static final Path SAMPLES = Path.of("..", "samples");

  @TempDir
  Path folder;

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("thermometer/thermometer.sg", "thermometer/thermometer.csv", "regression"),
        Arguments.of("linear_regression/advertising.sg", "linear_regression/advertising.csv",
            "regression"),
        Arguments.of("thermometer_mlp/thermometer_mlp.sg", "thermometer/thermometer.csv",
            "regression"),
        Arguments.of("logistic/exams.sg", "logistic/exams.csv", "classification"),
        Arguments.of("softmax/blobs.sg", "softmax/blobs.csv", "classification"));
  }

  private Path fit(String model) throws Exception {
    Path save = folder.resolve("fit.json");
    CommandRun run = CommandRun.of("fit", SAMPLES.resolve(model).toString(), "--epochs", "20",
        "--val-fraction", "0", "--save", save.toString(), "--json", "--quiet");
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    return save;
  }

  @ParameterizedTest
  @MethodSource("samples")
  void evalScoresTheFitAndPredictWritesEveryRow(String model, String data, String kind)
      throws Exception {
    Path save = fit(model);
    JsonNode fitResult = Json.mapper().readTree(Files.readString(save));
    String modelPath = SAMPLES.resolve(model).toString();

    CommandRun eval = CommandRun.of("eval", modelPath, "--init", save.toString(), "--json");
    assertWithMessage(eval.err()).that(eval.exitCode()).isEqualTo(0);
    JsonNode scores = Json.mapper().readTree(eval.out());
    assertThat(eval.out().strip().lines().count()).isEqualTo(1);
    assertThat(scores.get("loss").asDouble()).isWithin(1e-9 * Math.abs(
        fitResult.get("last_train_loss").asDouble()) + 1e-12).of(
            CommandRun.of("fit", modelPath, "--init", save.toString(), "--epochs", "0",
                "--val-fraction", "0", "--json").jsonLoss());
    if (kind.equals("regression")) {
      assertThat(scores.has("rmse")).isTrue();
      assertThat(scores.get("mae").asDouble()).isAtMost(scores.get("rmse").asDouble());
      assertThat(scores.get("r2").asDouble()).isAtMost(1.0);
    } else {
      long total = 0;
      long right = 0;
      for (int i = 0; i < scores.get("confusion").size(); i++) {
        for (int j = 0; j < scores.get("confusion").get(i).size(); j++) {
          long count = scores.get("confusion").get(i).get(j).asLong();
          total += count;
          right += i == j ? count : 0;
        }
      }
      assertThat(total).isEqualTo(scores.get("rows").asLong());
      assertThat(scores.get("accuracy").asDouble()).isEqualTo((double) right / total);
      assertThat(scores.get("log_loss").asDouble()).isGreaterThan(0.0);
    }

    Path out = folder.resolve("pred.csv");
    CommandRun predict = CommandRun.of("predict", modelPath, "--init", save.toString(),
        "--data", SAMPLES.resolve(data).toString(), "--out", out.toString());
    assertWithMessage(predict.err()).that(predict.exitCode()).isEqualTo(0);
    List<String> lines = Files.readAllLines(out);
    long rows = Files.readAllLines(SAMPLES.resolve(data)).stream()
        .filter(l -> !l.isBlank()).count() - 1;
    assertThat(lines).hasSize((int) rows + 1);
    assertThat(lines.get(0)).contains("pred");
    if (kind.equals("regression")) {
      // rmse from the written predictions and the data's target column agrees with eval's.
      List<String> dataLines = Files.readAllLines(SAMPLES.resolve(data)).stream()
          .filter(l -> !l.isBlank()).toList();
      String target = model.contains("advertising") ? "sales" : "t_c";
      int column = List.of(dataLines.get(0).split(",")).indexOf(target);
      double squares = 0;
      for (int r = 1; r < lines.size(); r++) {
        String[] predicted = lines.get(r).split(",");
        double error = Double.parseDouble(predicted[predicted.length - 1])
            - Double.parseDouble(dataLines.get(r).split(",")[column]);
        squares += error * error;
      }
      assertThat(Math.sqrt(squares / rows)).isWithin(1e-9).of(scores.get("rmse").asDouble());
    }
    if (model.startsWith("softmax")) {
      assertThat(lines.get(0)).endsWith("pred0,pred1,pred2,class");
    }
  }

  @Test
  void predictNeedsNoTargetAndAHeaderOnlyFileGivesAHeaderOnly() throws Exception {
    Path save = fit("thermometer/thermometer.sg");
    Path inputs = folder.resolve("new.csv");
    Files.writeString(inputs, "t_u\n35.7\n55.9\n");
    CommandRun run = CommandRun.of("predict", SAMPLES.resolve("thermometer/thermometer.sg")
        .toString(), "--init", save.toString(), "--data", inputs.toString());
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().get(0)).isEqualTo("t_u,pred");
    assertThat(run.outLines().get(1)).startsWith("35.7,");

    Files.writeString(inputs, "t_u\n");
    CommandRun empty = CommandRun.of("predict", SAMPLES.resolve("thermometer/thermometer.sg")
        .toString(), "--init", save.toString(), "--data", inputs.toString());
    assertThat(empty.exitCode()).isEqualTo(0);
    assertThat(empty.outLines()).containsExactly("t_u,pred");

    CommandRun eval = CommandRun.of("eval", SAMPLES.resolve("thermometer/thermometer.sg")
        .toString(), "--init", save.toString(), "--data", inputs.toString());
    assertThat(eval.exitCode()).isEqualTo(2);
    assertThat(eval.err()).contains("missing column 't_c' (the target)");
  }

  @Test
  void evalSaysWhichRowMadeItsScoresNotFinite() throws Exception {
    Path model = folder.resolve("log.sg");
    Files.copy(SAMPLES.resolve("thermometer/thermometer.csv"), folder.resolve("thermometer.csv"));
    Files.writeString(model, "data thermometer.csv\ninput t_u\ntarget t_c\nparam w\nparam b\n"
        + "model w * log(t_u) + b\nloss mse\n");
    Path save = folder.resolve("log.json");
    assertThat(CommandRun.of("fit", model.toString(), "--epochs", "5", "--quiet", "--save",
        save.toString()).exitCode()).isEqualTo(0);
    Path data = folder.resolve("negative.csv");
    Files.writeString(data, "t_u,t_c\n1,2\n-3,4\n5,6\n-7,8\n");

    CommandRun run = CommandRun.of("eval", model.toString(), "--init", save.toString(),
        "--data", data.toString(), "--json");
    CommandRun quiet = CommandRun.of("eval", model.toString(), "--init", save.toString(),
        "--data", data.toString(), "--quiet");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("note: the prediction is not finite on 2 of 4 rows (the "
        + "first is row 2 of the data)");
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void missingInputColumnsAreNamed() throws Exception {
    Path save = fit("softmax/blobs.sg");
    Path inputs = folder.resolve("new.csv");
    Files.writeString(inputs, "x0,label\n1,0\n");
    CommandRun run = CommandRun.of("predict", SAMPLES.resolve("softmax/blobs.sg").toString(),
        "--init", save.toString(), "--data", inputs.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(inputs + ":1:1: error: missing column 'x1' (an input) of "
        + "model blobs; the header has x0, label\n");
  }

  @Test
  void aFitOfAnotherModelIsRefused() throws Exception {
    Path save = fit("logistic/exams.sg");
    for (String model : List.of("softmax/blobs.sg", "thermometer/thermometer.sg")) {
      CommandRun run = CommandRun.of("eval", SAMPLES.resolve(model).toString(), "--init",
          save.toString());
      assertWithMessage(model).that(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith(save + ": error: ");
      assertThat(run.err()).contains("a fit of another model?");
      assertThat(run.err()).doesNotContain("Exception");
    }
    // Same names, other shapes: thermometer_mlp's W1[13, 1] against a 3-unit copy.
    Path small = folder.resolve("small.sg");
    Files.writeString(small, Files.readString(SAMPLES.resolve("thermometer_mlp/"
        + "thermometer_mlp.sg")).replace("13", "3").replace("../thermometer/",
            SAMPLES.toAbsolutePath().resolve("thermometer") + "/"));
    Path mlp = fit("thermometer_mlp/thermometer_mlp.sg");
    CommandRun run = CommandRun.of("eval", small.toString(), "--init", mlp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must be an array of 3 numbers");
  }
}
