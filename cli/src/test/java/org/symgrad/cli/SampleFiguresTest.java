package org.symgrad.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The figures docs/language.md and docs/training.md quote for the samples, from the commands
 * they give, to the digits they print (losses to ±0.005, parameters to ±0.0005): a change
 * that moves a quoted figure fails here, and the documents are then corrected from the run.
 */
class SampleFiguresTest {
  private static final double LOSS = 0.005;
  private static final double PARAM = 0.0005;

  private static JsonNode fit(String... args) throws Exception {
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--json";
    CommandRun run = CommandRun.of(all);
    assertWithMessage("exit code, stderr: %s", run.err()).that(run.exitCode()).isEqualTo(0);
    return Json.mapper().readTree(run.lastOutLine());
  }

  @Test
  void thermometerMlp() throws Exception {
    JsonNode result = fit("fit", "../samples/thermometer_mlp/thermometer_mlp.sg", "--lr", "1e-3");
    assertWithMessage("train_loss").that(result.get("train_loss").asDouble())
        .isWithin(LOSS).of(2.25);
    assertWithMessage("val_loss").that(result.get("val_loss").asDouble()).isWithin(LOSS).of(5.68);
  }

  @Test
  void linearRegression() throws Exception {
    JsonNode result = fit("fit", "../samples/linear_regression/advertising.sg",
        "--optimizer", "adam", "--lr", "0.05", "--epochs", "1000");
    JsonNode params = result.get("params");
    double[] w = {0.444, 0.175, -0.038};
    for (int i = 0; i < w.length; i++) {
      assertWithMessage("w[%s]", i).that(params.get("w").get(i).asDouble())
          .isWithin(PARAM).of(w[i]);
    }
    assertWithMessage("b").that(params.get("b").asDouble()).isWithin(0.005).of(3.13);
    assertWithMessage("val_loss").that(result.get("val_loss").asDouble())
        .isWithin(LOSS).of(0.274);
  }

  @Test
  void logistic() throws Exception {
    JsonNode result = fit("fit", "../samples/logistic/exams.sg",
        "--optimizer", "adam", "--lr", "0.05", "--epochs", "1000");
    assertWithMessage("val_loss").that(result.get("val_loss").asDouble())
        .isWithin(LOSS).of(0.255);
  }

  @Test
  void softmax() throws Exception {
    JsonNode result = fit("fit", "../samples/softmax/blobs.sg",
        "--optimizer", "adam", "--lr", "0.05", "--epochs", "1000");
    assertWithMessage("val_loss").that(result.get("val_loss").asDouble())
        .isWithin(LOSS).of(0.044);
  }

  @Test
  void overfittingCurveStopsEarlyWhereTheDocumentSays() throws Exception {
    JsonNode result = fit("fit", "../samples/thermometer/thermometer_poly.sg", "--optimizer",
        "adam", "--lr", "0.01", "--epochs", "4000", "--seed", "4", "--val-fraction", "0.3",
        "--early-stopping", "200");
    assertWithMessage("stopped").that(result.get("stopped").asText()).isEqualTo("early_stopping");
    assertWithMessage("epochs").that(result.get("epochs").asInt()).isEqualTo(1649);
    assertWithMessage("val_loss").that(result.get("val_loss").asDouble()).isWithin(LOSS).of(2.16);
  }
}
