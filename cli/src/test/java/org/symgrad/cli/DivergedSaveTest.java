package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --save} after a fit whose loss diverged writes nothing: its parameters are where the
 * loss became infinite, and writing them replaced the checkpoint being resumed. A fit stopped
 * by a non-finite gradient at a finite loss still saves its (finite, usable) parameters.
 */
class DivergedSaveTest {
  @TempDir
  Path folder;
  private Path model;

  @BeforeEach
  void copyTheThermometer() throws Exception {
    for (String file : new String[] {"thermometer.sg", "thermometer.csv"}) {
      Files.copy(Path.of("../samples/thermometer", file), folder.resolve(file));
    }
    model = folder.resolve("thermometer.sg");
  }

  @Test
  void aResumedFitThatDivergesLeavesItsCheckpointAsItWas() throws Exception {
    Path checkpoint = folder.resolve("good.json");
    assertThat(CommandRun.of("fit", model.toString(), "--epochs", "100", "--quiet",
        "--save", checkpoint.toString()).exitCode()).isEqualTo(0);
    String saved = Files.readString(checkpoint);

    CommandRun run = CommandRun.of("fit", model.toString(), "--init", checkpoint.toString(),
        "--save", checkpoint.toString(), "--lr", "1e308", "--epochs", "5", "--json");

    assertThat(run.exitCode()).isEqualTo(Main.DIVERGED);
    assertThat(Files.readString(checkpoint)).isEqualTo(saved);
    assertThat(run.err()).contains(checkpoint + " not written: the fit diverged");
    assertThat(run.err()).contains("the file is left as it was");
    // the diverged parameters are still printed, so nothing of the run is lost
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("stopped").asText()).isEqualTo("diverged");
  }

  @Test
  void aFreshFitThatDivergesWritesNoCheckpoint() {
    Path checkpoint = folder.resolve("fresh.json");

    CommandRun run = CommandRun.of("fit", model.toString(), "--lr", "1e308", "--epochs", "5",
        "--save", checkpoint.toString());

    assertThat(run.exitCode()).isEqualTo(Main.DIVERGED);
    assertThat(Files.exists(checkpoint)).isFalse();
    assertThat(run.err()).contains(checkpoint + " not written: the fit diverged and its "
        + "parameters have no finite loss");
    assertThat(run.err()).doesNotContain("left as it was");
  }

  @Test
  void aGradientThatWentNonFiniteAtAFiniteLossStillSaves() throws Exception {
    Files.writeString(folder.resolve("data.csv"), "x,y\n1,1\n2,2\n3,3\n");
    Path root = folder.resolve("root.sg");
    Files.writeString(root, "data data.csv\ninput x\ntarget y\nparam w = 0\n"
        + "model sqrt(w) * x\nloss mse\n");
    Path checkpoint = folder.resolve("root.json");

    CommandRun run = CommandRun.of("fit", root.toString(), "--val-fraction", "0",
        "--save", checkpoint.toString());

    assertThat(run.exitCode()).isEqualTo(Main.DIVERGED);
    JsonNode saved = Json.mapper().readTree(Files.readString(checkpoint));
    assertThat(saved.get("params").get("w").asDouble()).isEqualTo(0.0);
    assertThat(run.err()).doesNotContain("not written");
  }
}
