package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symgrad fit --optimizer lm|newton} end to end: summary, JSON keys, refusals. */
class SecondOrderFitTest {
  private static final String DECAY = Path.of("..", "samples", "decay", "decay.sg").toString();

  @TempDir
  Path folder;

  @Test
  void lmPrintsTheLeastSquaresKeysAndConverges() throws Exception {
    CommandRun run = CommandRun.of("fit", FitCommandTest.RAW, "--optimizer", "lm", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("converged");
    assertThat(result.get("epochs").asInt()).isAtMost(5);
    assertThat(result.get("dof").asInt()).isEqualTo(9);
    assertThat(result.get("stderr").get("w").asDouble()).isGreaterThan(0.0);
    assertThat(result.get("stderr").get("b").asDouble()).isGreaterThan(0.0);
    double rss = result.get("rss").asDouble();
    assertThat(result.get("train_loss").asDouble()).isWithin(1e-12).of(rss / 11);
    assertThat(result.get("residual_sd").asDouble()).isWithin(1e-12).of(Math.sqrt(rss / 9));
    JsonNode covariance = result.get("covariance");
    assertThat(covariance.size()).isEqualTo(2);
    assertThat(covariance.get(0).get(0).asDouble())
        .isWithin(1e-15).of(Math.pow(result.get("stderr").get("w").asDouble(), 2));
    assertThat(covariance.get(0).get(1).asDouble()).isEqualTo(covariance.get(1).get(0).asDouble());
  }

  @Test
  void textOutputIsAnNlsSummary() {
    CommandRun run = CommandRun.of("fit", DECAY, "--optimizer", "lm");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("stopped: converged");
    assertThat(run.out()).contains("Estimate   Std. Error   t value");
    assertThat(run.out()).contains("Residual standard error:");
    assertThat(run.out()).contains("on 28 degrees of freedom");
  }

  @Test
  void newtonFitsALossThatLmRefuses() throws Exception {
    String exams = Path.of("..", "samples", "logistic", "exams.sg").toString();
    CommandRun refused = CommandRun.of("fit", exams, "--optimizer", "lm");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("this model's loss is bce_logits");
    assertThat(refused.err()).contains("--optimizer newton");

    CommandRun run = CommandRun.of("fit", exams, "--optimizer", "newton", "--json");
    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("converged");
    assertThat(result.has("stderr")).isFalse();
  }

  @Test
  void iterationLimitSaysItDidNotConverge() throws Exception {
    CommandRun run = CommandRun.of("fit", DECAY, "--optimizer", "lm", "--epochs", "2", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("completed");
    assertThat(run.err()).contains("did not converge");
  }

  @Test
  void aHugeEpochLimitDoesNotWrapTheEvaluationLimit() throws Exception {
    String thermometer = Path.of("..", "samples", "thermometer", "thermometer.sg").toString();
    for (String optimizer : new String[] {"lm", "newton"}) {
      for (String epochs : new String[] {"1500000000", "2000000000", "2147483647"}) {
        CommandRun run = CommandRun.of("fit", thermometer, "--optimizer", optimizer,
            "--epochs", epochs, "--json");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode result = Json.mapper().readTree(run.lastOutLine());
        assertThat(result.get("stopped").asText()).isEqualTo("converged");
        assertThat(result.get("params").get("w").asDouble()).isWithin(1e-6).of(5.367719209);
      }
    }
  }

  @Test
  void singularProblemNamesTheParameterInsteadOfNaN() throws Exception {
    Files.writeString(folder.resolve("d.csv"), "x,y\n1,2\n2,4\n3,6.1\n4,8.2\n");
    Path model = folder.resolve("product.sg");
    Files.writeString(model, "data d.csv\ninput x\ntarget y\nparam a = 1\nparam b = 1\n"
        + "model a * b * x\nloss mse\n");
    CommandRun run = CommandRun.of("fit", model.toString(), "--optimizer", "lm", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    double a = result.get("params").get("a").asDouble();
    double b = result.get("params").get("b").asDouble();
    assertThat(a * b).isWithin(1e-9).of((2 + 8 + 18.3 + 32.8) / 30.0);
    assertThat(run.err()).contains("b is not identifiable apart from a");
    assertThat(run.err()).contains("damping chose the step");
  }

  @Test
  void fewerRowsThanParametersReportZeroDegreesOfFreedomAndNoStatistics() throws Exception {
    Files.writeString(folder.resolve("one.csv"), "x,y\n1,2\n");
    Path model = folder.resolve("line.sg");
    Files.writeString(model, "data one.csv\ninput x\ntarget y\nparam a = 1\nparam b = 0\n"
        + "model a * x + b\nloss mse\n");
    for (String optimizer : new String[] {"lm", "newton"}) {
      CommandRun run = CommandRun.of("fit", model.toString(), "--optimizer", optimizer,
          "--json");

      assertThat(run.exitCode()).isEqualTo(0);
      JsonNode result = Json.mapper().readTree(run.lastOutLine());
      assertThat(result.get("dof").asInt()).isEqualTo(0);
      assertThat(result.get("residual_sd").asText()).isEqualTo("NaN");
      assertThat(result.get("stderr").get("a").asText()).isEqualTo("NaN");
      assertThat(result.get("stderr").get("b").asText()).isEqualTo("NaN");
      assertThat(run.err()).contains("note: no standard errors: 1 row for 2 parameters leaves "
          + "no degrees of freedom");
    }
    CommandRun text = CommandRun.of("fit", model.toString(), "--optimizer", "lm");
    assertThat(text.out()).contains("Residual standard error: NaN on 0 degrees of freedom");
  }

  @Test
  void threadsSplitTheRowsAndLeaveEveryBitAsItWas() throws Exception {
    // Three chunks of 4096 rows and a short one, so 2 and 7 threads do share the work.
    StringBuilder csv = new StringBuilder("t,y\n");
    java.util.Random random = new java.util.Random(8);
    for (int r = 0; r < 3 * 4096 + 200; r++) {
      double t = random.nextDouble() * 10;
      csv.append(t).append(',').append(120 * Math.exp(-0.35 * t) + 8 + random.nextGaussian())
          .append('\n');
    }
    Files.writeString(folder.resolve("decay.csv"), csv);
    Path model = folder.resolve("decay.sg");
    Files.writeString(model, Files.readString(Path.of(DECAY)));
    for (String optimizer : new String[] {"lm", "newton"}) {
      String expected = null;
      for (String threads : new String[] {"1", "2", "7"}) {
        CommandRun run = CommandRun.of("fit", model.toString(), "--optimizer", optimizer,
            "--threads", threads, "--json");
        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode result = Json.mapper().readTree(run.lastOutLine());
        assertThat(result.get("stopped").asText()).isEqualTo("converged");
        assertThat(result.get("params").get("k").asDouble()).isWithin(0.01).of(0.35);
        if (expected == null) {
          expected = run.lastOutLine();
        } else {
          assertThat(run.lastOutLine()).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void torchOnlyOptionsAndUnknownOptionsAreRefused() {
    CommandRun lr = CommandRun.of("fit", DECAY, "--optimizer", "lm", "--lr", "0.1");
    assertThat(lr.exitCode()).isEqualTo(2);
    assertThat(lr.err()).contains("--lr cannot be used with --optimizer lm");

    CommandRun unknown = CommandRun.of("fit", DECAY, "--optimizer", "lm", "--opt", "momentum=0.9");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown option 'momentum'");
  }

  @Test
  void historyIsRefusedLikeTheOtherPerEpochOutputs() throws Exception {
    // Even pointing at the data file, which an ignored flag would never have checked.
    Path data = Path.of("..", "samples", "decay", "decay.csv");
    byte[] before = Files.readAllBytes(data);
    for (String optimizer : new String[] {"lm", "newton"}) {
      for (Path history : new Path[] {data, folder.resolve("history.csv")}) {
        CommandRun run = CommandRun.of("fit", DECAY, "--optimizer", optimizer,
            "--history", history.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: --history cannot be used with --optimizer "
            + optimizer + ", which fits every row to a tolerance");
      }
    }
    assertThat(Files.readAllBytes(data)).isEqualTo(before);
    assertThat(Files.exists(folder.resolve("history.csv"))).isFalse();

    CommandRun both = CommandRun.of("fit", DECAY, "--optimizer", "lm", "--plot",
        folder.resolve("p.png").toString(), "--history", folder.resolve("h.csv").toString());
    assertThat(both.err()).contains("error: --plot, --history cannot be used");
  }

  @Test
  void anUnknownOptimizerListsLmAndNewtonAndSuggestsThem() {
    CommandRun misspelt = CommandRun.of("fit", DECAY, "--optimizer", "nwton");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("error: Unknown optimizer 'nwton' (did you mean "
        + "newton?); known optimizers are SGD, ");
    assertThat(misspelt.err()).contains(", LBFGS, SparseAdam, lm, newton");

    CommandRun unknown = CommandRun.of("fit", DECAY, "--optimizer", "foo");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: Unknown optimizer 'foo'; known optimizers are ");
    assertThat(unknown.err()).contains(", SparseAdam, lm, newton");
  }

  @Test
  void aStartWhereTheObjectiveIsNotFiniteExitsAsDiverged() throws Exception {
    Files.writeString(folder.resolve("d.csv"), "x,y\n1,2\n2,4\n3,6.1\n");
    Path model = folder.resolve("log.sg");
    Files.writeString(model, "data d.csv\ninput x\ntarget y\nparam a = -1\n"
        + "model log(a * x)\nloss mse\n");
    CommandRun run = CommandRun.of("fit", model.toString(), "--optimizer", "lm", "--json");

    assertThat(run.exitCode()).isEqualTo(Main.DIVERGED);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("diverged");
    assertThat(result.get("reason").asText()).isEqualTo("objective_not_finite");
    assertThat(run.err()).contains("not finite at the starting point");
  }

  @Test
  void aGradientThatIsNotFiniteWhereTheObjectiveIsNamesItsParameter() throws Exception {
    // NIST's Bennett5 (its first rows) from the default start 0: b1 (b2 + x)^(-1/b3) is 0 there,
    // but its derivative in b2 is 0 · -∞ · 0, NaN, as SGD finds too.
    Files.writeString(folder.resolve("bennett5.csv"), "x,y\n7.447168,-34.834702\n"
        + "8.102586,-34.393200\n8.452547,-34.152901\n8.711278,-33.979099\n");
    Path model = folder.resolve("bennett5.sg");
    Files.writeString(model, "data bennett5.csv\ninput x\ntarget y\nparam b1\nparam b2\n"
        + "param b3\nmodel b1 * (b2 + x)^(-1 / b3)\nloss mse\n");
    for (String optimizer : new String[] {"lm", "newton"}) {
      CommandRun run = CommandRun.of("fit", model.toString(), "--optimizer", optimizer,
          "--json");

      assertThat(run.exitCode()).isEqualTo(Main.DIVERGED);
      JsonNode result = Json.mapper().readTree(run.lastOutLine());
      assertThat(result.get("stopped").asText()).isEqualTo("diverged");
      assertThat(result.get("reason").asText()).isEqualTo("derivatives_not_finite");
      assertThat(run.err()).contains("error: the gradient of b2 is NaN at the starting point, "
          + "where the objective is finite (");
      assertThat(run.err()).contains("run 'symgrad check' on the model");
      assertThat(run.err()).doesNotContain("the objective is not finite");
    }
    CommandRun text = CommandRun.of("fit", model.toString(), "--optimizer", "lm");
    assertThat(text.out()).startsWith("stopped: diverged (derivatives_not_finite: ");

    CommandRun sgd = CommandRun.of("fit", model.toString(), "--val-fraction", "0");
    assertThat(sgd.err()).contains("the gradient of b2 became NaN");
  }
}
