package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fit}'s training loop through the command: resume, early stopping, plots, overfitting. */
class FitTrainingTest {
  private static final String NORMALIZED = FitCommandTest.NORMALIZED;
  private static final String POLY =
      FitCommandTest.SAMPLES.resolve("thermometer_poly.sg").toString();
  private static final Pattern LOG_LINE = Pattern.compile(
      "Epoch (\\d+), Training loss ([0-9.]+), Validation loss ([0-9.]+)");

  @TempDir
  Path folder;

  @ParameterizedTest
  @ValueSource(strings = {"sgd:momentum=0.9", "adam:amsgrad=false"})
  void savingAndResumingEqualsOneStraightRun(String optimizerAndOption) throws Exception {
    String optimizer = optimizerAndOption.split(":")[0];
    String option = optimizerAndOption.split(":")[1];
    Path checkpoint = folder.resolve("state.json");
    String[] common = {"--optimizer", optimizer, "--opt", option, "--lr", "0.001", "--json"};

    JsonNode straight = lastJson(run("--epochs", "2000", common));
    run("--epochs", "1000", "--save", checkpoint.toString(), common);
    JsonNode resumed = lastJson(run("--epochs", "1000", "--init", checkpoint.toString(),
        common));

    assertThat(resumed.get("params")).isEqualTo(straight.get("params"));
    assertThat(resumed.get("train_loss")).isEqualTo(straight.get("train_loss"));
    assertThat(resumed.get("val_loss")).isEqualTo(straight.get("val_loss"));
    assertThat(resumed.get("epochs").asInt()).isEqualTo(2000);
  }

  @Test
  void initFromAFitsJsonStartsThereWithAFreshOptimizer() throws Exception {
    Path start = folder.resolve("start.json");
    Files.writeString(start, "{\"params\": {\"w\": 5.0, \"b\": -16.0}}");

    JsonNode result = lastJson(run("--epochs", "0", "--init", start.toString(), "--json"));

    assertThat(result.get("params").get("w").asDouble()).isEqualTo(5.0);
    assertThat(result.get("epochs").asInt()).isEqualTo(0);
  }

  @Test
  void initNamingAnUnknownParameterIsRefused() throws Exception {
    Path start = folder.resolve("start.json");
    Files.writeString(start, "{\"params\": {\"w\": 5.0, \"b\": 1.0, \"c\": 2.0}}");

    CommandRun run = CommandRun.of("fit", NORMALIZED, "--init", start.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(
        "the model has no parameter c; the model's parameters are w, b, the file's w, b, c");
  }

  @Test
  void earlyStoppingSaysSoAndKeepsTheBestValidationLoss() throws Exception {
    CommandRun run = CommandRun.of("fit", POLY, "--optimizer", "adam", "--lr", "0.01",
        "--epochs", "4000", "--seed", "4", "--val-fraction", "0.3", "--early-stopping", "200",
        "--json");

    JsonNode result = lastJson(run);
    assertThat(result.get("stopped").asText()).isEqualTo("early_stopping");
    assertThat(result.get("epochs").asInt()).isLessThan(4000);
    double best = result.get("val_loss").asDouble();
    for (double[] epoch : logged(run)) {
      assertThat(best).isAtMost(epoch[2]);
    }
  }

  @Test
  void polynomialSampleOverfits() {
    CommandRun run = CommandRun.of("fit", POLY, "--optimizer", "adam", "--lr", "0.01",
        "--epochs", "4000", "--seed", "4", "--val-fraction", "0.3", "--log-every", "500");

    List<double[]> epochs = logged(run);
    double[] at1500 = epochs.stream().filter(e -> e[0] == 1500).findFirst().orElseThrow();
    double[] last = epochs.get(epochs.size() - 1);
    assertThat(last[0]).isEqualTo(4000.0);
    assertThat(last[1]).isLessThan(at1500[1]); // training keeps falling
    assertThat(last[2]).isGreaterThan(at1500[2]); // validation rises again
  }

  @Test
  void plotWritesAPngThatOpens() throws Exception {
    Path png = folder.resolve("plots").resolve("loss.png");

    CommandRun run = CommandRun.of("fit", NORMALIZED, "--epochs", "300", "--plot",
        png.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(800);
  }

  @Test
  void schedulerAndOptimizerOptionsReachTheFit() throws Exception {
    JsonNode plain = lastJson(run("--epochs", "50", "--json"));
    JsonNode scheduled = lastJson(run("--epochs", "50", "--scheduler",
        "StepLR:step_size=10,gamma=0.5", "--json"));
    JsonNode momentum = lastJson(run("--epochs", "50", "--opt", "momentum=0.9", "--json"));

    assertThat(scheduled.get("params")).isNotEqualTo(plain.get("params"));
    assertThat(momentum.get("params")).isNotEqualTo(plain.get("params"));
  }

  @Test
  void badSchedulerAndOptionAreUsageErrors() {
    CommandRun scheduler = CommandRun.of("fit", NORMALIZED, "--scheduler", "StepLR:gama=0.5");
    CommandRun option = CommandRun.of("fit", NORMALIZED, "--opt", "momentun=0.9");

    assertThat(scheduler.exitCode()).isEqualTo(2);
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err()).contains("momentum");
  }

  @Test
  void emptyCsvIsABadInput() throws Exception {
    Path model = folder.resolve("m.sg");
    Files.writeString(model, Files.readString(Path.of(NORMALIZED))
        .replace("data    thermometer.csv", "data    empty.csv"));
    Files.writeString(folder.resolve("empty.csv"), "");

    CommandRun run = CommandRun.of("fit", model.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("empty.csv:1:1: error: the file is empty");
  }

  @Test
  void headerOnlyCsvIsABadInput() throws Exception {
    Path model = folder.resolve("m.sg");
    Files.writeString(model, Files.readString(Path.of(NORMALIZED))
        .replace("data    thermometer.csv", "data    header.csv"));
    Files.writeString(folder.resolve("header.csv"), "t_u,t_c\n");

    CommandRun run = CommandRun.of("fit", model.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the file has a header but no rows of data");
  }

  /** {@code fit} of the normalised thermometer with {@code options}. */
  private static CommandRun run(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "fit";
    args[1] = NORMALIZED;
    System.arraycopy(options, 0, args, 2, options.length);
    return CommandRun.of(args);
  }

  private static CommandRun run(String a, String b, String[] common) {
    String[] options = new String[common.length + 2];
    options[0] = a;
    options[1] = b;
    System.arraycopy(common, 0, options, 2, common.length);
    return run(options);
  }

  private static CommandRun run(String a, String b, String c, String d, String[] common) {
    String[] options = new String[common.length + 2];
    options[0] = c;
    options[1] = d;
    System.arraycopy(common, 0, options, 2, common.length);
    return run(a, b, options);
  }

  private static JsonNode lastJson(CommandRun run) throws Exception {
    assertThat(run.err()).doesNotContain("Exception");
    return Json.mapper().readTree(run.lastOutLine());
  }

  private static List<double[]> logged(CommandRun run) {
    return run.outLines().stream().map(LOG_LINE::matcher).filter(Matcher::matches)
        .map(m -> new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3))})
        .toList();
  }
}
