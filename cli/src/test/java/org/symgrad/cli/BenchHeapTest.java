package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --fits} in a child JVM of 64 MB: a million fits once printed the JVM's
 * OutOfMemoryError, and a hundred thousand left it collecting garbage for good, deaf to
 * SIGTERM. Now they are refused before the first round, and the count the refusal offers
 * runs.
 */
class BenchHeapTest {
  private static final Pattern MOST = Pattern.compile("run at most ([0-9]+) fits");

  private record Child(int exitCode, String out, String err) {}

  private static Child bench(String fits) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "bench", FitCommandTest.NORMALIZED, "--fits", fits, "--epochs", "1", "--runs", "1",
        "--warmup", "0", "--json"));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    // Standard output is one JSON line at most: read after standard error without a deadlock.
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("the child JVM ends").that(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(process.exitValue(), out, err);
  }

  @Test
  void tooManyFitsAreRefusedAndTheOfferedCountRuns() throws Exception {
    Child refused = bench("1000000");

    assertWithMessage(refused.err()).that(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(refused.err()).contains("--fits 1000000: out of memory (64 MB of heap at most)");
    assertThat(refused.err()).doesNotContain("OutOfMemoryError");
    assertThat(refused.out()).isEmpty();

    Matcher most = MOST.matcher(refused.err());
    assertThat(most.find()).isTrue();
    Child ran = bench(most.group(1));
    assertWithMessage(ran.err()).that(ran.exitCode()).isEqualTo(0);
    assertThat(ran.out()).contains("\"fits\":" + most.group(1) + ",");
  }
}
