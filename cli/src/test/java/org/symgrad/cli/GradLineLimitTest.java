package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code grad -} answers every line: a line whose derivatives are too large fails alone, with
 * SG120 naming the limit, and the lines after it are answered. Run in a child JVM with a
 * small heap, where the product of 3 000 variables ran the whole run out of memory: its
 * derivatives print as 68 million chars.
 */
class GradLineLimitTest {

  private static String product(int n) {
    return IntStream.range(0, n).mapToObj(i -> "x" + i).collect(Collectors.joining(" * "));
  }

  private record Run(int exitCode, List<String> out, String err) {}

  /** {@code grad - OPTIONS} in a JVM of 64 MB of heap, or the heap a first -Xmx option gives. */
  private static Run grad(String input, String... options) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> rest = new ArrayList<>(List.of(options));
    String heap = !rest.isEmpty() && rest.get(0).startsWith("-Xmx") ? rest.remove(0) : "-Xmx64m";
    List<String> command = new ArrayList<>(List.of(java.toString(), heap, "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "grad", "-"));
    command.addAll(rest);
    Process process = new ProcessBuilder(command).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("the child JVM ends").that(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out.lines().toList(), err);
  }

  @Test
  void aLineWhoseDerivativesAreTooLongFailsAloneAndTheNextAreAnswered() throws Exception {
    Run run = grad("x * y\n" + product(3000) + "\nsin(x)\n");

    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).hasSize(3);
    assertThat(Json.mapper().readTree(run.out().get(0)).get("derivative").get("x").asText())
        .isEqualTo("y");
    JsonNode error = Json.mapper().readTree(run.out().get(1));
    assertThat(error.get("line").asInt()).isEqualTo(2);
    assertThat(error.get("column").asInt()).isEqualTo(1);
    assertThat(error.get("error").asText()).isEqualTo("the derivatives print as 68644104 "
        + "characters, more than 16777216, the most symgrad prints for one expression");
    assertThat(Json.mapper().readTree(run.out().get(2)).get("derivative").get("x").asText())
        .isEqualTo("cos(x)");
  }

  @Test
  void aLineWhoseHessianIsTooLargeFailsAloneAndTheNextAreAnswered() throws Exception {
    String point = IntStream.range(0, 1000).mapToObj(i -> "x" + i + "=1")
        .collect(Collectors.joining(",")) + ",x=2";
    Run run = grad("x^3\n" + product(1000) + "\nx^2\n", "--at", point, "--hessian");

    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).hasSize(3);
    assertThat(Json.mapper().readTree(run.out().get(0)).get("hessian").get("x").get("x")
        .asDouble()).isEqualTo(12.0);
    JsonNode error = Json.mapper().readTree(run.out().get(1));
    assertThat(error.get("line").asInt()).isEqualTo(2);
    assertThat(error.get("error").asText()).startsWith("the Hessian of 1000 variables over a "
        + "gradient of 5995 nodes takes 5995000 steps, more than 4194304");
    assertThat(Json.mapper().readTree(run.out().get(2)).get("hessian").get("x").get("x")
        .asDouble()).isEqualTo(2.0);
  }

  @Test
  void aLineThatRunsOutOfHeapWithinTheLimitsFailsAlone() throws Exception {
    // The Hessian of 300 variables is within the limit (538 500 steps) but not within 24 MB.
    String point = IntStream.range(0, 300).mapToObj(i -> "x" + i + "=1")
        .collect(Collectors.joining(",")) + ",x=2";
    Run run = grad("x^3\n" + product(300) + "\nx^2\n", "-Xmx24m", "--at", point, "--hessian");

    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).hasSize(3);
    JsonNode error = Json.mapper().readTree(run.out().get(1));
    assertThat(error.get("line").asInt()).isEqualTo(2);
    assertThat(error.get("error").asText()).isEqualTo("out of memory (24 MB of heap at most) on "
        + "this line; give the JVM more with SYMGRAD_JAVA_OPTS=-Xmx4g");
    assertThat(Json.mapper().readTree(run.out().get(2)).get("hessian").get("x").get("x")
        .asDouble()).isEqualTo(2.0);
  }
}
