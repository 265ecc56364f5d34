package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * The README's Java quick start: {@code ReadmeSnippetsTest} checks that the README shows the
 * lines between the markers exactly, and this test runs them.
 */
class QuickStartTest {

  @Test
  void readmeQuickStartFitsTheThermometer() {
    double[] tU = HandBuiltModels.T_U;
    double[] tC = HandBuiltModels.T_C;
    // --- README: java-quick-start ---
    ModelDefinition definition = Symgrad.parseFile(Path.of("../samples/thermometer/thermometer.sg"));
    CompiledModel model = Symgrad.compile(definition);
    Dataset data = new Dataset(List.of("t_u", "t_c"), new double[][] {tU, tC});
    Optimizer sgd = Optimizers.create("SGD", model.info().parameterCount(), Map.of("lr", "1e-2"));
    Trainer trainer = new Trainer(TrainerOptions.builder().epochs(5000).validationFraction(0).build());
    TrainingResult result = trainer.fit(model, data, model.info().initialParameters(0), sgd);
    // result.params() is [5.3671, -17.3012]; result.trainLoss() is 2.9276
    // --- end ---
    assertThat(result.params()[0]).isWithin(1e-4).of(5.3671);
    assertThat(result.params()[1]).isWithin(1e-4).of(-17.3012);
    assertThat(result.trainLoss()).isWithin(1e-4).of(2.9276);
  }
}
