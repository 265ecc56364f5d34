package org.symgrad.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON file read from a pipe ({@code --init /dev/stdin}, {@code <(…)}): a pipe has no size,
 * and reading it failed with "cannot read: Illegal seek".
 */
class JsonFromPipeTest {
  @TempDir
  Path folder;

  @Test
  void aPipeIsReadLikeAFile() throws Exception {
    Path pipe = folder.resolve("fit.json");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    } catch (java.io.IOException noMkfifo) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        Files.write(pipe, "{\"params\": {\"w\": 1.5}}".getBytes(StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    JsonNode read = Checkpoints.readJson(pipe, 1 << 20);

    writer.get(10, TimeUnit.SECONDS);
    assertThat(read.get("params").get("w").asDouble()).isEqualTo(1.5);
  }
}
