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

  /** An --at point: each of x0 … x(n-1) is 1, and x is 2. */
  private static String point(int n) {
    return IntStream.range(0, n).mapToObj(i -> "x" + i + "=1").collect(Collectors.joining(","))
        + ",x=2";
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

  /** Line 2's error, after checking the run: exit 2, three answers, the first and third. */
  private static JsonNode secondLineFailed(Run run, String first, String third) throws Exception {
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).hasSize(3);
    assertThat(run.out().get(0)).contains(first);
    assertThat(run.out().get(2)).contains(third);
    JsonNode error = Json.mapper().readTree(run.out().get(1));
    assertThat(error.get("line").asInt()).isEqualTo(2);
    return error;
  }

  @Test
  void aLineWhoseDerivativesAreTooLongFailsAloneAndTheNextAreAnswered() throws Exception {
    JsonNode error = secondLineFailed(grad("x * y\n" + product(3000) + "\nsin(x)\n"),
        "{\"derivative\":{\"x\":\"y\",\"y\":\"x\"}}", "{\"derivative\":{\"x\":\"cos(x)\"}}");
    assertThat(error.get("column").asInt()).isEqualTo(1);
    assertThat(error.get("error").asText()).isEqualTo("the derivatives print as 68644104 "
        + "characters, more than 16777216, the most symgrad prints for one expression");
  }

  @Test
  void aLineWhoseHessianIsTooLargeFailsAloneAndTheNextAreAnswered() throws Exception {
    JsonNode error = secondLineFailed(grad("x^3\n" + product(1000) + "\nx^2\n", "--at",
        point(1000), "--hessian"), "\"hessian\":{\"x\":{\"x\":12.0}}",
        "\"hessian\":{\"x\":{\"x\":2.0}}");
    assertThat(error.get("error").asText()).startsWith("the Hessian of 1000 variables over a "
        + "gradient of 5995 nodes takes 5995000 steps, more than 4194304");
  }

  @Test
  void aLineThatRunsOutOfHeapWithinTheLimitsFailsAlone() throws Exception {
    // The Hessian of 300 variables is within the limit (538 500 steps) but not within 24 MB.
    JsonNode error = secondLineFailed(grad("x^3\n" + product(300) + "\nx^2\n", "-Xmx24m",
        "--at", point(300), "--hessian"), "\"hessian\":{\"x\":{\"x\":12.0}}",
        "\"hessian\":{\"x\":{\"x\":2.0}}");
    assertThat(error.get("error").asText()).isEqualTo("out of memory (24 MB of heap at most) on "
        + "this line; give the JVM more with SYMGRAD_JAVA_OPTS=-Xmx4g");
  }

  @Test
  void oneExpressionTooLargeIsRefusedBeforeAnythingIsPrinted() {
    CommandRun run = CommandRun.of("grad", product(3000));
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty(); // not its f = … line before the error
    assertThat(run.err()).startsWith("<expression>:1:1: error [SG120] the derivatives print as "
        + "68644104 characters, more than 16777216");
  }
}
