package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.OptimizerSpec;
import org.symgrad.runtime.optim.Optim;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.FitMany;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/** Fitting with a typed optimizer spec, public API only: no sizing, no option text. */
class TypedFitTest {
  private static final Dataset DATA = new Dataset(List.of("t_u", "t_c"),
      new double[][] {HandBuiltModels.T_U, HandBuiltModels.T_C});

  private final CompiledModel model =
      Symgrad.compile(Symgrad.parseFile(Path.of("../samples/thermometer/thermometer.sg")));

  @Test
  void fitsTheBookWithATypedSpec() {
    Trainer trainer =
        new Trainer(TrainerOptions.builder().epochs(5000).validationFraction(0).build());
    TrainingResult typed = trainer.fit(model, DATA, Optim.sgd().lr(1e-2));
    TrainingResult text = trainer.fit(model, DATA, model.info().initialParameters(0),
        Optimizers.create("SGD", model.info().parameterCount(), Map.of("lr", "1e-2")));

    assertThat(typed.params()).isEqualTo(text.params());
    assertThat(typed.params()[0]).isWithin(1e-4).of(5.3671);
    assertThat(typed.params()[1]).isWithin(1e-4).of(-17.3012);
  }

  @Test
  void oneSpecServesManyFitsAndStopsAtConvergence() {
    OptimizerSpec<?> adam = Optim.adam().lr(0.1).betas(0.9, 0.99);
    Trainer trainer = new Trainer(TrainerOptions.builder().epochs(1_000_000)
        .validationFraction(0).tolerance(1e-12).build());
    List<TrainingResult> fits = FitMany.fitAll(trainer, model, List.of(DATA, DATA, DATA),
        model.info().initialParameters(0), adam, 2);

    for (TrainingResult fit : fits) {
      assertThat(fit.stopReason()).isEqualTo(StopReason.CONVERGED);
      assertThat(fit.params()).isEqualTo(fits.get(0).params());
      assertThat(fit.params()[0]).isWithin(1e-2).of(5.367);
    }
  }
}
