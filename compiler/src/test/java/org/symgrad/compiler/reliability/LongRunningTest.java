package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A long-lived JVM compiles model after model and does not run out of metaspace: compiled
 * classes are unloaded once their models are unreferenced. {@link ManyModels} runs in a JVM
 * of its own with {@code -XX:MaxMetaspaceSize=64m}.
 *
 * <p>The count is {@value #DEFAULT_MODELS} by default: at about 3.4 KB of metaspace a model,
 * classes that were never unloaded would exhaust 64 MB after some 19 000, so this count
 * fails if they leak, and takes 10 to 30 seconds. The full run of 100 000 models (one to two
 * minutes) is
 *
 * <pre>
 * mvn -B -o verify -pl compiler -Dtest=LongRunningTest -Dsymgrad.reliability.models=100000
 * </pre>
 */
class LongRunningTest {
  static final int DEFAULT_MODELS = 25_000;

  @Test
  void compilingManyModelsFitsInASmallMetaspace() throws Exception {
    int models = Integer.getInteger("symgrad.reliability.models", DEFAULT_MODELS);
    Result result = runJava(List.of("-XX:MaxMetaspaceSize=64m", "-Xmx256m"),
        ManyModels.class.getName(), String.valueOf(models));
    assertWithMessage("%s models in a JVM with a 64 MB metaspace:\n%s", models, result.output())
        .that(result.exitCode()).isEqualTo(0);
    assertWithMessage("its output").that(result.output())
        .contains("compiled " + models + " models");
  }

  record Result(int exitCode, String output) {}

  /** Runs {@code mainClass} with the test's class path in a new JVM, for at most 10 minutes. */
  static Result runJava(List<String> jvmOptions, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(testClassPath());
    command.add(mainClass);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 10 minutes: " + command);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  // Surefire may run tests through a manifest-only jar; it names the real path separately.
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire : System.getProperty("java.class.path");
  }
}
