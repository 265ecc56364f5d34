package org.symgrad.samples;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.compiler.Symgrad;
import org.symgrad.io.Checkpoints;
import org.symgrad.io.Datasets;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optim;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;
import org.symgrad.runtime.testing.TorchFits;

/**
 * The README's Java quick start, with public API only: read a CSV, fit with a typed
 * optimizer spec, save, load and predict. {@code ReadmeSnippetsTest} checks that the README
 * shows the lines between the markers exactly; this test runs them.
 */
class QuickStartTest {
  @TempDir
  Path folder;

  @Test
  void readmeQuickStartFitsSavesLoadsAndPredicts() {
    Path samples = Path.of("..", "thermometer");
    Path fitFile = folder.resolve("fit.json");
    // --- README: java-quick-start ---
    CompiledModel model = Symgrad.compile(Symgrad.parseFile(samples.resolve("thermometer.sg")));
    Dataset data = Datasets.readCsv(samples.resolve("thermometer.csv"), model.info());
    Trainer trainer = new Trainer(TrainerOptions.builder().epochs(5000).validationFraction(0).build());
    TrainingResult result = trainer.fit(model, data, Optim.sgd().lr(1e-2));
    Checkpoints.save(fitFile, model.info(), result.checkpoint());

    double[] params = Checkpoints.load(fitFile, model.info()).params();  // [5.3671, -17.3012]
    double[] celsius = new double[data.rows()];
    model.predict(params, data.batchFor(model.info(), false), celsius);
    // --- end ---
    TorchFits torch = TorchFits.of("thermometer_sgd_5000");
    assertThat(params).usingTolerance(1e-9 * 17.3).containsExactly(torch.params()).inOrder();
    assertThat(result.trainLoss()).isWithin(1e-9 * torch.loss()).of(torch.loss());
    // The book's reading of 81.9 (row 4) is 28 °C; the fitted line says about 26.66.
    assertThat(celsius[3]).isWithin(1e-9).of(params[0] * 0.1 * 81.9 + params[1]);
  }
}
