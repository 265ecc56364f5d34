package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finite loss whose gradient is not finite (sqrt's derivative at 0) stops the fit before
 * the update: exit 3, "diverged", finite parameters, the parameter named, and advice about the
 * derivative rather than the learning rate (issue 16, item 4).
 */
class GradientDivergenceCommandTest {
  @TempDir
  Path folder;

  @Test
  void namesTheParameterWhoseGradientWentNonFinite() throws Exception {
    Files.writeString(folder.resolve("data.csv"), "x,y\n1,1\n2,2\n3,3\n");
    Path model = folder.resolve("root.sg");
    Files.writeString(model, "data data.csv\ninput x\ntarget y\nparam w = 0\n"
        + "model sqrt(w) * x\nloss mse\n");

    CommandRun run = CommandRun.of("fit", model.toString(), "--val-fraction", "0", "--json");

    assertThat(run.exitCode()).isEqualTo(3);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("diverged");
    assertThat(result.get("params").get("w").asDouble()).isEqualTo(0.0);
    assertThat(result.get("train_loss").isNumber()).isTrue();
    assertThat(run.err()).contains("diverged at epoch 1: the gradient of w became");
    assertThat(run.err()).contains("the model's derivative is not finite");
    assertThat(run.err()).doesNotContain("smaller learning rate");
  }
}
