package org.symgrad.samples;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingResult;
import org.symgrad.runtime.testing.TorchFits;

/** The annotated thermometer, fitted through its generated class, reproduces the book. */
class ThermometerFitTest {
  // PyTorch 1.13, float64, SGD(lr=1e-2), 5000 steps from [1, 0] on the normalised model,
  // as make_fits.py recorded it (runtime/src/test/resources/torch/fits.tsv).
  private static final TorchFits TORCH = TorchFits.of("thermometer_sgd_5000");
  private static final double TORCH_W = TORCH.params()[0];
  private static final double TORCH_B = TORCH.params()[1];

  @Test
  void fitReachesTheBooksParameters() {
    Symgrad_Thermometer model = new Symgrad_Thermometer();
    List<Double> losses = new ArrayList<>();

    TrainingResult result = ThermometerFit.fit(model, report -> losses.add(report.trainLoss()));

    assertThat(model.w()).isWithin(1e-4).of(5.3671);
    assertThat(model.b()).isWithin(1e-4).of(-17.3012);
    assertThat(Math.abs(model.w() - TORCH_W) / TORCH_W).isLessThan(1e-9);
    assertThat(Math.abs(model.b() - TORCH_B) / -TORCH_B).isLessThan(1e-9);
    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(losses).hasSize(5000);
    // The book prints 80.364342 from float32; this is the float64 loss of the same readings.
    assertThat(losses.get(0)).isWithin(1e-6).of(80.364345);
    assertThat(model.loss(ThermometerFit.readings())).isEqualTo(result.trainLoss());
  }

  @Test
  void mainRunsWithTheRuntimeAloneOnTheClassPath() throws Exception {
    String classPath = location(ThermometerFit.class) + java.io.File.pathSeparator
        + location(CompiledModel.class);
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, ThermometerFit.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(0);
    assertThat(out).startsWith("""
        Epoch 1, Training loss 80.364345
        Epoch 2, Training loss 37.574914
        Epoch 3, Training loss 30.871081
        Epoch 500, Training loss 7.860124
        """);
    assertThat(out).contains("""
        Epoch 5000, Training loss 2.927647
        stopped: completed after 5000 epochs
          w = 5.3670897980""");
    assertThat(out).endsWith("  a reading of 81.9 is 26.66 degrees Celsius\n");
  }

  private static String location(Class<?> type) throws URISyntaxException, IOException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
