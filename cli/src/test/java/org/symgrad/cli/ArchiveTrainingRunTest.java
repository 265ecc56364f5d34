package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.SumLanes;

/**
 * The launchers' class-data archive holds the classes of what {@link ArchiveTrainingRun} runs:
 * so it must run a whole fit, a whole {@code grad} and a fit with long passes, or the archive
 * misses their classes.
 */
class ArchiveTrainingRunTest {
  private static final String MODEL = "../samples/thermometer/thermometer.sg";

  @Test
  void fitsTheModelTakesAGradientEvaluatesTheSavedFitThenFitsLongerData() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = ArchiveTrainingRun.run(MODEL, new PrintWriter(out, true),
        new PrintWriter(err, true));

    assertThat(code).isEqualTo(0);
    assertThat(err.toString()).isEmpty();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    JsonNode fit = Json.mapper().readTree(lines.get(0));
    assertThat(fit.get("epochs").asInt()).isEqualTo(50);
    assertThat(fit.get("stopped").asText()).isEqualTo("completed");
    // with the default validation split, as a user's fit, so the split's classes are archived
    assertThat(fit.get("val_loss").isNumber()).isTrue();
    JsonNode grad = Json.mapper().readTree(lines.get(1));
    assertThat(grad.get("gradient").get("w").asDouble()).isEqualTo(1.0);
    JsonNode eval = Json.mapper().readTree(lines.get(2)); // of the first fit, read back
    assertThat(eval.get("loss").asDouble()).isFinite();
    JsonNode longer = Json.mapper().readTree(lines.get(3));
    assertThat(longer.get("epochs").asInt()).isEqualTo(3);
    assertThat(longer.get("stopped").asText()).isEqualTo("completed");
    // its training rows (all but the 20 % held out) make a long pass, which the short fit's 11
    // rows never run
    assertThat(ArchiveTrainingRun.LONG_ROWS - ArchiveTrainingRun.LONG_ROWS / 5)
        .isAtLeast(SumLanes.SHORT);
  }

  @Test
  void aFailingFitStopsBeforeTheGradWithItsCode() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = ArchiveTrainingRun.run("no-such-model.sg", new PrintWriter(out, true),
        new PrintWriter(err, true));

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("no-such-model.sg");
  }
}
