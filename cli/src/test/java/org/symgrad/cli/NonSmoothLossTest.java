package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newton} refuses mae, whose second derivative is 0 wherever it exists: it reported
 * "converged" at a kink (train loss 4.49 on the thermometer, where adam reaches 1.57), and lm's
 * refusal of the same model pointed at it.
 */
class NonSmoothLossTest {
  @TempDir
  Path folder;

  @Test
  void newtonRefusesMaeAndLmNoLongerPointsThere() throws Exception {
    Path model = thermometerWithLoss("mae");

    CommandRun newton = CommandRun.of("fit", model.toString(), "--optimizer", "newton",
        "--json");
    CommandRun lm = CommandRun.of("fit", model.toString(), "--optimizer", "lm");

    assertThat(newton.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(newton.out()).isEmpty();
    assertThat(newton.err()).contains("mae.sg: error: newton steps by the loss's curvature, "
        + "and mae has none");
    assertThat(newton.err()).contains("--optimizer adam");
    assertThat(lm.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(lm.err()).contains("--optimizer newton fits any smooth loss");
  }

  @Test
  void newtonStillFitsHuber() throws Exception {
    Path model = thermometerWithLoss("huber(1.0)");

    CommandRun run = CommandRun.of("fit", model.toString(), "--optimizer", "newton", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
  }

  // The thermometer's line on its normalised input, with the loss given, in mae.sg.
  private Path thermometerWithLoss(String loss) throws Exception {
    Files.copy(Path.of("../samples/thermometer/thermometer.csv"),
        folder.resolve("thermometer.csv"));
    return Files.writeString(folder.resolve("mae.sg"), "data thermometer.csv\ninput t_u\n"
        + "target t_c\nparam w\nparam b\nlet t = 0.1 * t_u\nmodel w * t + b\nloss " + loss
        + "\n");
  }
}
