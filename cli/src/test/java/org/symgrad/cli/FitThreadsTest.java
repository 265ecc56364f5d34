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
    // A 100-unit network over 10 inputs: its runs of ten stay unrolled, too large for one
    // method, so its kernels are split. (A wide linear model no longer is: its sums are loops.)
    int n = 10;
    StringBuilder header = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (int k = 0; k < n; k++) {
      header.append('x').append(k).append(',');
      row.append(k % 7).append(',');
    }
    Path csv = folder.resolve("network.csv");
    Files.writeString(csv, header + "y\n" + row + "1\n" + row + "2\n");
    Path model = folder.resolve("network.sg");
    Files.writeString(model, "input x[" + n + "]\ntarget y\nparam W[100, " + n + "] = 0.01\n"
        + "param c[100] = 0.0\nparam v[100] = 0.01\nparam b = 0.0\n"
        + "let h[j] = tanh(sum(k, W[j, k] * x[k]) + c[j])\n"
        + "model sum(j, v[j] * h[j]) + b\nloss mse\n");

    CommandRun run = CommandRun.of("fit", model.toString(), "--data", csv.toString(),
        "--epochs", "2", "--threads", "2", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("network.sg is large enough that its kernels are split into "
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
