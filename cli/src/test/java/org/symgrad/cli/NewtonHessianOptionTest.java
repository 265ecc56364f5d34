package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit --optimizer newton --opt hessian=auto|dense|cg}: which step newton takes. */
class NewtonHessianOptionTest {
  private static final String EXAMS =
      Path.of("..", "samples", "logistic", "exams.sg").toString();

  @Test
  void conjugateGradientsReachTheDenseFit() throws Exception {
    CommandRun dense = CommandRun.of("fit", EXAMS, "--optimizer", "newton", "--json");
    CommandRun cg = CommandRun.of("fit", EXAMS, "--optimizer", "newton", "--opt", "hessian=cg",
        "--json");

    assertThat(dense.exitCode()).isEqualTo(0);
    assertThat(cg.exitCode()).isEqualTo(0);
    assertThat(dense.err()).doesNotContain("conjugate gradients");
    assertThat(cg.err()).contains("truncated conjugate gradients on Hessian-vector products");
    JsonNode a = Json.mapper().readTree(dense.lastOutLine());
    JsonNode b = Json.mapper().readTree(cg.lastOutLine());
    assertThat(b.get("stopped").asText()).isEqualTo("converged");
    double loss = a.get("train_loss").asDouble();
    assertThat(b.get("train_loss").asDouble()).isWithin(1e-12 * loss).of(loss);
    for (String name : new String[] {"w", "b"}) {
      JsonNode x = a.get("params").get(name);
      JsonNode y = b.get("params").get(name);
      for (int i = 0; i < Math.max(1, x.size()); i++) {
        double expected = x.isArray() ? x.get(i).asDouble() : x.asDouble();
        double actual = y.isArray() ? y.get(i).asDouble() : y.asDouble();
        assertThat(actual).isWithin(1e-6 * Math.abs(expected)).of(expected);
      }
    }
  }

  @TempDir
  Path folder;

  @Test
  void aModelOfMoreThanTwoHundredParametersUsesConjugateGradients() throws Exception {
    int features = 220;
    int rows = 400;
    Random random = new Random(14);
    StringBuilder csv = new StringBuilder();
    for (int j = 0; j < features; j++) {
      csv.append('x').append(j).append(',');
    }
    csv.append("y\n");
    for (int r = 0; r < rows; r++) {
      double y = 1;
      for (int j = 0; j < features; j++) {
        double x = random.nextGaussian();
        y += 0.01 * (j % 7) * x;
        csv.append(x).append(',');
      }
      csv.append(y).append('\n');
    }
    Files.writeString(folder.resolve("wide.csv"), csv);
    Path model = folder.resolve("wide.sg");
    Files.writeString(model, """
        data wide.csv
        input x[%d]
        target y
        param w[%d]
        param b
        model sum(j, w[j] * x[j]) + b
        loss mse
        """.formatted(features, features));

    CommandRun run = CommandRun.of("fit", model.toString(), "--optimizer", "newton", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("truncated conjugate gradients on Hessian-vector products "
        + "(221 parameters");
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("converged");
    assertThat(result.get("params").get("b").asDouble()).isWithin(1e-8).of(1);
    assertThat(result.get("params").get("w").get(13).asDouble()).isWithin(1e-8).of(0.06);
  }

  @Test
  void denseCanBeForcedAndBadValuesAreRefused() {
    CommandRun forced = CommandRun.of("fit", EXAMS, "--optimizer", "newton", "--opt",
        "hessian=dense", "--json");
    assertThat(forced.exitCode()).isEqualTo(0);
    assertThat(forced.err()).doesNotContain("conjugate gradients");

    CommandRun bad = CommandRun.of("fit", EXAMS, "--optimizer", "newton", "--opt",
        "hessian=sparse");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("hessian=sparse: must be auto, dense or cg");

    String decay = Path.of("..", "samples", "decay", "decay.sg").toString();
    CommandRun lm = CommandRun.of("fit", decay, "--optimizer", "lm", "--opt", "hessian=cg");
    assertThat(lm.exitCode()).isEqualTo(2);
    assertThat(lm.err()).contains("unknown option 'hessian'");
  }
}
