package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symgrad check}: compiled gradients against finite differences. */
class CheckCommandTest {
  @TempDir
  Path folder;

  @Test
  void shippedModelsPass() {
    for (String model : new String[] {"thermometer.sg", "thermometer_raw.sg",
        "thermometer_poly.sg"}) {
      CommandRun run = CommandRun.of("check",
          FitCommandTest.SAMPLES.resolve(model).toString());

      assertThat(run.exitCode()).isEqualTo(0);
      assertThat(run.out()).contains("ok: every derivative agrees to 1.0E-6");
      assertThat(run.out()).doesNotContain("DIFFERS");
    }
  }

  @Test
  void aModelAtAKinkIsReported() throws Exception {
    // At the start the only row sits on relu's corner (w * 0 + b = 0): the compiled
    // gradient follows PyTorch (relu'(0) = 0), the central difference sees slope 1/2 of
    // each side, and check must say they differ rather than hide it.
    Path model = folder.resolve("kink.sg");
    Files.writeString(model, """
        data   kink.csv
        input  t_u
        target t_c
        param  w = 1.0
        param  b = 0.0
        model  relu(w * t_u + b)
        loss   mse
        """);
    Files.writeString(folder.resolve("kink.csv"), "t_u,t_c\n0,1\n");

    CommandRun run = CommandRun.of("check", model.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("DIFFERS");
  }

  @Test
  void badModelIsABadInput() throws Exception {
    Path model = folder.resolve("bad.sg");
    Files.writeString(model, "model w *\n");

    CommandRun run = CommandRun.of("check", model.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.sg:1:");
  }
}
