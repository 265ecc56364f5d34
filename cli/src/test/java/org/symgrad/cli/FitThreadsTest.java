package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --threads N}: over a batch of many chunks, 1, 2 and 7 threads print the same
 * JSON, to the last digit; a model without chunked kernels says that threads change nothing.
 */
class FitThreadsTest {
  @TempDir
  Path folder;

  @Test
  void oneTwoAndSevenThreadsPrintTheSameFit() throws Exception {
    Path csv = folder.resolve("readings.csv");
    Files.writeString(csv, readings(20_000, 11));

    String one = fit(csv, "1");
    assertThat(one).startsWith("{\"params\":");
    assertThat(fit(csv, "2")).isEqualTo(one);
    assertThat(fit(csv, "7")).isEqualTo(one);
  }

  @Test
  void aSplitModelSaysThreadsChangeNothing() throws Exception {
    // 3000 inputs written out as scalar code: far beyond one method, so the kernels are split.
    int n = 3000;
    StringBuilder header = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (int j = 0; j < n; j++) {
      header.append('x').append(j).append(',');
      row.append(j % 7).append(',');
    }
    Path csv = folder.resolve("wide.csv");
    Files.writeString(csv, header + "y\n" + row + "1\n" + row + "2\n");
    Path model = folder.resolve("wide.sg");
    Files.writeString(model, "input x[" + n + "]\ntarget y\nparam w[" + n + "] = 0.0\n"
        + "param b = 0.0\nmodel sum(j, w[j] * x[j]) + b\nloss mse\n");

    CommandRun run = CommandRun.of("fit", model.toString(), "--data", csv.toString(),
        "--epochs", "2", "--threads", "2", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("wide.sg is large enough that its kernels are split into "
        + "helper methods, which run as one loop on one thread: --threads 2 changes neither "
        + "its speed nor its result.");
  }

  private static String fit(Path csv, String threads) {
    CommandRun run = CommandRun.of("fit", FitCommandTest.NORMALIZED, "--data", csv.toString(),
        "--epochs", "30", "--threads", threads, "--json");
    assertThat(run.exitCode()).isEqualTo(0);
    return run.lastOutLine();
  }

  // Thermometer-like readings: t_u in [20, 90), t_c = 5/9 (t_u - 32) plus unit noise.
  private static String readings(int rows, long seed) {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("t_u,t_c\n");
    for (int r = 0; r < rows; r++) {
      double tu = 20 + 70 * random.nextDouble();
      double tc = 5.0 / 9 * (tu - 32) + random.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", tu, tc));
    }
    return csv.toString();
  }
}
