package org.symgrad.io;

import static com.google.common.truth.Truth.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output being written when the JVM is asked to stop (Ctrl-C, SIGTERM) leaves no temporary
 * file behind: the JVM does not unwind the writer, so a shutdown hook discards it.
 */
class PendingOutputExitTest {
  @TempDir
  Path folder;

  @Test
  void aTerminatedWriterLeavesNoTemporaryFile() throws Exception {
    Path target = folder.resolve("history.csv");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), HoldPending.class.getName(),
        target.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("writing");
      assertThat(temporaryFiles()).hasSize(1);

      process.destroy(); // SIGTERM, as a Ctrl-C's SIGINT runs the same shutdown hooks

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(temporaryFiles()).isEmpty();
    assertThat(Files.exists(target)).isFalse();
  }

  private List<Path> temporaryFiles() throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".history.csv.")).toList();
    }
  }

  /** Opens an output, writes to it, says so, and waits to be stopped. */
  public static final class HoldPending {
    public static void main(String[] args) throws Exception {
      OutputFiles.Pending pending = OutputFiles.open(Path.of(args[0]), "--history");
      pending.stream().write("epoch,train_loss\n".getBytes(StandardCharsets.UTF_8));
      pending.stream().flush();
      System.out.println("writing");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
