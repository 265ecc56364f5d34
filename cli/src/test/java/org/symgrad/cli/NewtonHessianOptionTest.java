package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
