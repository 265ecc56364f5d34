package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, defect 8, end to end: a model that declares {@code W[512, 512]} and reads one
 * element fits like the two-parameter model it is; the elements it does not read keep their
 * initial values (their gradient is 0), and all of them are in the result.
 */
class SparseParamFitTest {
  @TempDir
  Path folder;

  @Test
  void aModelReadingOneElementOfALargeParamFits() throws Exception {
    Path model = folder.resolve("sparse.sg");
    Files.writeString(model, String.join("\n",
        "data   data.csv",
        "input  x",
        "target y",
        "param  W[512, 512] = 0.5",
        "param  b",
        "model  W[3, 7] * x + b",
        ""));
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 8; i++) {
      double x = i / 4.0 - 1;
      csv.append(x).append(',').append(2 * x + 1).append('\n');
    }
    Files.writeString(folder.resolve("data.csv"), csv);

    CommandRun run = CommandRun.of("fit", model.toString(), "--val-fraction", "0",
        "--epochs", "3000", "--lr", "0.1", "--json");

    assertThat(run.err()).doesNotContain("error");
    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode params = Json.mapper().readTree(run.lastOutLine()).get("params");
    JsonNode w = params.get("W");
    assertThat(w.size()).isEqualTo(512 * 512);
    assertThat(w.get(3 * 512 + 7).asDouble()).isWithin(1e-6).of(2.0);
    assertThat(params.get("b").asDouble()).isWithin(1e-6).of(1.0);
    for (int k = 0; k < w.size(); k++) {
      if (k != 3 * 512 + 7) {
        assertThat(w.get(k).asDouble()).isEqualTo(0.5);
      }
    }
  }
}
