package org.symgrad.cli.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --save} under a crash: a process writing a checkpoint is killed with SIGKILL at
 * a random moment, again and again. After every kill the checkpoint is a whole file, the old
 * one or a newer one, never a part: it parses, {@code --init} loads it, and its epoch never
 * goes back.
 *
 * <p>Two writers are killed. {@link SaveLoop} is the command itself, resuming and saving one
 * checkpoint in a loop, as a service that trains in steps does; but a fit spends most of its
 * time compiling and training, so few kills land in a save. {@code cli.CheckpointRewriter}
 * does nothing but rewrite the checkpoint through the same atomic write, so nearly every
 * kill lands in one (a plain {@code Files.write} in its place fails this test in most runs).
 * The checkpoint holds 300 parameters and Adam's two moment arrays, about 25 KB.
 */
class SaveCrashTest {
  private static final int PARAMETERS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  private Path model;
  private Path data;
  private Path checkpoint;

  @BeforeEach
  void firstFit() throws IOException {
    model = folder.resolve("wide.sg");
    data = folder.resolve("wide.csv");
    checkpoint = folder.resolve("checkpoint.json");
    writeModelAndData(model, data);
    Cli first = Cli.run("fit", model.toString(), "--data", data.toString(), "--optimizer",
        "adam", "--epochs", "1", "--val-fraction", "0", "--save", checkpoint.toString());
    assertWithMessage("the first fit: %s", first.err()).that(first.exitCode()).isEqualTo(0);
    assertThat(Files.size(checkpoint)).isGreaterThan(20_000L);
  }

  @Test
  void aKilledFitLeavesItsCheckpointWhole() throws Exception {
    int epoch = loadableEpoch();
    Random random = new Random();
    for (int kill = 0; kill < 3; kill++) {
      runAndKill(SaveLoop.class.getName(), List.of(model.toString(), data.toString(),
          checkpoint.toString()), "saved " + (2 + random.nextInt(10)), random.nextInt(40));
      int now = loadableEpoch();
      assertWithMessage("epoch after kill %s", kill).that(now).isAtLeast(epoch);
      epoch = now;
    }
  }

  @Test
  void aKilledWriteLeavesTheOldFileOrTheNewOneWhole() throws Exception {
    int epoch = loadableEpoch();
    Random random = new Random();
    for (int kill = 0; kill < 8; kill++) {
      // After two whole writes, so that each run makes progress on a loaded machine too.
      runAndKill("org.symgrad.cli.CheckpointRewriter", List.of(checkpoint.toString()),
          "wrote 2", random.nextInt(300));
      int now = loadableEpoch();
      // The two writes it reported are on disk, whatever the kill cut short after them.
      assertWithMessage("epoch after kill %s", kill).that(now).isAtLeast(epoch + 2);
      epoch = now;
    }
  }

  /**
   * Runs {@code mainClass} in a JVM of its own until it prints {@code line}, lets it run
   * {@code millis} more, and kills it with SIGKILL.
   */
  private static void runAndKill(String mainClass, List<String> args, String line, int millis)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", testClassPath(), mainClass));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String next = lines.readLine(); next != null; next = lines.readLine()) {
        output.add(next);
        if (next.equals(line)) {
          Thread.sleep(millis);
          process.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
          break;
        }
      }
    }
    assertWithMessage("%s ended by itself: %s", mainClass, output)
        .that(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertWithMessage("%s's exit: %s", mainClass, output).that(process.exitValue())
        .isEqualTo(137); // 128 + SIGKILL
  }

  /** The checkpoint's epoch, after checking that it parses and that --init loads it. */
  private int loadableEpoch() throws IOException {
    String text = Files.readString(checkpoint);
    JsonNode root = JSON.readTree(text);
    assertWithMessage("the checkpoint is one whole JSON object").that(text).endsWith("}\n");
    assertThat(root.get("params").size()).isEqualTo(PARAMETERS);
    Cli resumed = Cli.run("fit", model.toString(), "--data", data.toString(), "--optimizer",
        "adam", "--epochs", "0", "--val-fraction", "0", "--init", checkpoint.toString(),
        "--json");
    assertWithMessage("--init of the checkpoint: %s", resumed.err())
        .that(resumed.exitCode()).isEqualTo(0);
    return root.get("epoch").asInt();
  }

  private static void writeModelAndData(Path model, Path data) throws IOException {
    StringBuilder text = new StringBuilder("input x\ntarget y\n");
    StringBuilder sum = new StringBuilder("0");
    for (int i = 0; i < PARAMETERS; i++) {
      text.append("param p").append(i).append(" = 0.01\n");
      sum.append(" + p").append(i).append(" * sin(").append(i % 7 + 1).append(" * x + ")
          .append(i).append(')');
    }
    text.append("model ").append(sum).append('\n');
    Files.writeString(model, text);
    StringBuilder rows = new StringBuilder("x,y\n");
    for (int r = 0; r < 20; r++) {
      rows.append(r * 0.1).append(',').append(Math.cos(r * 0.1)).append('\n');
    }
    Files.writeString(data, rows);
  }

  // Surefire may run tests through a manifest-only jar; it names the real path separately.
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire : System.getProperty("java.class.path");
  }
}
