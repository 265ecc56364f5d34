package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.runtime.testing.TorchFits;

/** {@code symgrad fit} end to end on the shipped thermometer models. */
class FitCommandTest {
  static final Path SAMPLES = Path.of("..", "samples", "thermometer");
  static final String NORMALIZED = SAMPLES.resolve("thermometer.sg").toString();
  static final String RAW = SAMPLES.resolve("thermometer_raw.sg").toString();

  // PyTorch 1.13, float64, SGD(lr=1e-2), 5000 steps from [1, 0] on the normalised model,
  // as make_fits.py recorded it (runtime/src/test/resources/torch/fits.tsv).
  private static final TorchFits TORCH = TorchFits.of("thermometer_sgd_5000");
  private static final double TORCH_W = TORCH.params()[0];
  private static final double TORCH_B = TORCH.params()[1];
  private static final double TORCH_LOSS = TORCH.loss();

  @TempDir
  Path folder;

  @Test
  void normalisedThermometerReproducesTheBookAndPyTorch() throws Exception {
    CommandRun run = CommandRun.of("fit", NORMALIZED, "--val-fraction", "0", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    double w = result.get("params").get("w").asDouble();
    double b = result.get("params").get("b").asDouble();
    double loss = result.get("train_loss").asDouble();
    assertThat(w).isWithin(1e-4).of(5.3671);
    assertThat(b).isWithin(1e-4).of(-17.3012);
    assertThat(loss).isWithin(1e-4).of(2.9276);
    assertThat(Math.abs(w - TORCH_W) / TORCH_W).isLessThan(1e-9);
    assertThat(Math.abs(b - TORCH_B) / -TORCH_B).isLessThan(1e-9);
    assertThat(Math.abs(loss - TORCH_LOSS) / TORCH_LOSS).isLessThan(1e-9);
    assertThat(result.get("val_loss").isNull()).isTrue();
    assertThat(result.get("epochs").asInt()).isEqualTo(5000);
    assertThat(result.get("stopped").asText()).isEqualTo("completed");
  }

  @Test
  void logLinesFollowTheBook() {
    CommandRun run = CommandRun.of("fit", NORMALIZED, "--val-fraction", "0");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("Epoch 1, Training loss 80.36");
    assertThat(run.out()).contains("Epoch 500, Training loss 7.86");
    assertThat(run.out()).contains("Epoch 5000, Training loss 2.927");
  }

  @Test
  void defaultSplitHoldsOutValidationRows() throws Exception {
    CommandRun run = CommandRun.of("fit", NORMALIZED, "--json", "--epochs", "100");

    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("val_loss").isNumber()).isTrue();
  }

  @Test
  void rawThermometerDivergesWithExitThree() throws Exception {
    CommandRun run = CommandRun.of("fit", RAW, "--val-fraction", "0", "--json");

    assertThat(run.exitCode()).isEqualTo(3);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("diverged");
    assertThat(run.err()).contains("diverged at epoch");
    assertThat(run.err()).contains("last finite loss");
    assertThat(run.err()).contains("smaller learning rate");
    assertThat(run.err()).contains("normalise");
    int epoch = result.get("epochs").asInt();
    assertThat(run.err()).contains("diverged at epoch " + (epoch + 1) + ":");
  }

  @Test
  void aSchedulerThatMakesTheLearningRateInfiniteIsNamedNotTheLearningRate() {
    for (String lr : new String[] {null, "0.01"}) {
      CommandRun run = lr == null
          ? CommandRun.of("fit", NORMALIZED, "--scheduler", "StepLR:step_size=1,gamma=1e308")
          : CommandRun.of("fit", NORMALIZED, "--scheduler", "StepLR:step_size=1,gamma=1e308",
              "--lr", lr);

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("The scheduler made the learning rate Infinity");
      assertThat(run.err()).doesNotContain("instead of");
    }
  }

  @Test
  void anEmptyModelNameIsSaidSo() {
    CommandRun run = CommandRun.of("fit", "");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: the model file's name is empty");
  }

  @Test
  void aCheckpointOfOtherRowsIsNamed() throws Exception {
    Path checkpoint = folder.resolve("ck.json");
    assertThat(CommandRun.of("fit", NORMALIZED, "--epochs", "3", "--quiet", "--save",
        checkpoint.toString()).exitCode()).isEqualTo(0);
    Path model = copyModelWithData("t_u,t_c\n1,2\n3,4\n5,6\n7,8\n9,10\n");

    CommandRun run = CommandRun.of("fit", model.toString(), "--init", checkpoint.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(checkpoint + ": error: the checkpoint was made on 11 rows");
  }

  @Test
  void missingColumnNamesFileAndColumns() throws Exception {
    Path model = copyModelWithData("t_u,temperature\n1,2\n3,4\n5,6\n");
    CommandRun run = CommandRun.of("fit", model.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("data.csv:1:1: error: missing column 't_c' (the target)");
    assertThat(run.err()).contains("the header has t_u, temperature");
  }

  @Test
  void nonNumberNamesFileLineAndColumn() throws Exception {
    Path model = copyModelWithData("t_u,t_c\n1,2\n3,abc\n5,6\n");
    CommandRun run = CommandRun.of("fit", model.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("data.csv:3:3: error: not a number: 'abc' in column 't_c'");
  }

  @Test
  void impossibleOptionsSayWhichAndWhy() {
    assertThat(CommandRun.of("fit", NORMALIZED, "--lr", "-1").err())
        .contains("Invalid learning rate: -1.0");
    assertThat(CommandRun.of("fit", NORMALIZED, "--val-fraction", "1.5").err())
        .contains("--val-fraction 1.5: must be in [0, 1)");
    CommandRun unknown = CommandRun.of("fit", NORMALIZED, "--optimizer", "adamz");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("known optimizers are SGD, Adam, AdamW");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"fit", "grad", "check", "emit", "bench"}) {
      CommandRun run = CommandRun.of(command, "--help");

      assertThat(run.exitCode()).isEqualTo(0);
      assertThat(run.out()).contains("Usage: symgrad " + command);
    }
  }

  @Test
  void unknownModelFileIsAUsageError() {
    CommandRun run = CommandRun.of("fit", folder.resolve("nope.sg").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such model file");
  }

  private Path copyModelWithData(String csv) throws Exception {
    Path model = folder.resolve("model.sg");
    Files.writeString(model, Files.readString(Path.of(NORMALIZED))
        .replace("data    thermometer.csv", "data    data.csv"));
    Files.writeString(folder.resolve("data.csv"), csv);
    return model;
  }
}
