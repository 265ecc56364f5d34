package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Running out of heap is answered as a resource limit, exit 2 with a message that names the
 * limit and what to do, never as the JVM's stack trace (issue 16, defect 7). Run in a child
 * JVM with a small heap: the full Hessian of a product of 300 variables does not fit (that
 * of 1,000 is refused before it is made, SG120, see GradLineLimitTest).
 */
class OutOfMemoryTest {

  @Test
  void anInputTooLargeForTheHeapIsExitTwoWithAMessage() throws Exception {
    String product = IntStream.range(0, 300).mapToObj(i -> "x" + i)
        .collect(Collectors.joining("*"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx24m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "grad", product, "--hessian"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("the child JVM ends").that(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertWithMessage(err).that(process.exitValue()).isEqualTo(2);
    assertThat(err).contains("out of memory (24 MB of heap at most) with the expression");
    assertThat(err).contains("SYMGRAD_JAVA_OPTS=-Xmx");
    assertThat(err).doesNotContain("OutOfMemoryError");
    assertThat(err).doesNotContain("\tat ");
  }
}
