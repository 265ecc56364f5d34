package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optim;
import org.symgrad.runtime.optim.Optimizer;

/**
 * A full-batch fit without scheduler, listener or time limit runs a lean loop of its own
 * ({@code FitRun.fullBatch}); with a listener the same fit runs the general epoch loop. The
 * two must give the same fit to the bit: parameters, losses, every history entry, the best
 * epoch, the stop reason, the divergence and the checkpoint, with and without validation, when
 * it stops early, converges, diverges, and when it goes on from a checkpoint.
 */
class FullBatchPathTest {
  private static final EpochListener NOTHING = report -> { };

  @Test
  void theBenchFitWithValidation() {
    assertSamePaths(o -> o.epochs(3000), TestData.thermometer(), LinearModel.thermometer(),
        () -> Optim.sgd().lr(1e-2).create(2));
  }

  @Test
  void withoutValidation() {
    assertSamePaths(o -> o.epochs(500).validationFraction(0), TestData.line(30),
        LinearModel.xy(), () -> Optim.sgd().lr(0.05).create(2));
  }

  @Test
  void momentumAndManyRows() {
    assertSamePaths(o -> o.epochs(200), TestData.line(1000), LinearModel.xy(),
        () -> Optim.sgd().lr(0.02).momentum(0.9).create(2));
  }

  @Test
  void earlyStopping() {
    TrainingResult lean = assertSamePaths(o -> o.epochs(5000).earlyStopping(10),
        overfitting(), LinearModel.xy(), () -> Optim.sgd().lr(0.05).create(2));
    assertThat(lean.stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
  }

  @Test
  void convergence() {
    TrainingResult lean = assertSamePaths(o -> o.epochs(5000).tolerance(1e-6),
        TestData.thermometer(), LinearModel.thermometer(), () -> Optim.sgd().lr(1e-2).create(2));
    assertThat(lean.stopReason()).isEqualTo(StopReason.CONVERGED);
  }

  @Test
  void divergence() {
    TrainingResult lean = assertSamePaths(o -> o.epochs(500), TestData.thermometer(),
        LinearModel.thermometer(), () -> Optim.sgd().lr(10).create(2));
    assertThat(lean.stopReason()).isEqualTo(StopReason.DIVERGED);
  }

  @Test
  void resumingFromACheckpoint() {
    Dataset data = TestData.thermometer();
    CompiledModel model = LinearModel.thermometer();
    TrainingResult first = new Trainer(TrainerOptions.builder().epochs(700).build())
        .fit(model, data, new double[] {1, 0}, Optim.sgd().lr(1e-2).create(2));
    TrainingResult lean = new Trainer(TrainerOptions.builder().epochs(900).build())
        .resume(model, data, first.checkpoint(), Optim.sgd().lr(1e-2).create(2));
    TrainingResult general = new Trainer(TrainerOptions.builder().epochs(900).listener(NOTHING)
        .build()).resume(model, data, first.checkpoint(), Optim.sgd().lr(1e-2).create(2));
    assertSameFit(lean, general);
    assertThat(lean.history().firstEpoch()).isEqualTo(701);
  }

  private static TrainingResult assertSamePaths(UnaryOperator<TrainerOptions.Builder> options,
      Dataset data, CompiledModel model, java.util.function.Supplier<Optimizer> optimizer) {
    double[] start = {1, 0};
    TrainingResult lean = new Trainer(options.apply(TrainerOptions.builder()).build())
        .fit(model, data, start, optimizer.get());
    TrainingResult general = new Trainer(options.apply(TrainerOptions.builder())
        .listener(NOTHING).build()).fit(model, data, start, optimizer.get());
    assertSameFit(lean, general);
    return lean;
  }

  private static void assertSameFit(TrainingResult lean, TrainingResult general) {
    assertThat(lean.params()).isEqualTo(general.params());
    assertThat(lean.trainLoss()).isEqualTo(general.trainLoss());
    assertThat(lean.valLoss()).isEqualTo(general.valLoss());
    assertThat(lean.epochs()).isEqualTo(general.epochs());
    assertThat(lean.stopReason()).isEqualTo(general.stopReason());
    assertThat(lean.divergence()).isEqualTo(general.divergence());
    assertThat(lean.bestEpoch()).isEqualTo(general.bestEpoch());
    History a = lean.history();
    History b = general.history();
    assertThat(a.firstEpoch()).isEqualTo(b.firstEpoch());
    assertThat(a.stride()).isEqualTo(b.stride());
    assertThat(a.trainLosses()).isEqualTo(b.trainLosses());
    assertThat(a.hasValidation()).isEqualTo(b.hasValidation());
    if (a.hasValidation()) {
      assertThat(a.valLosses()).isEqualTo(b.valLosses());
    }
    TrainingCheckpoint x = lean.checkpoint();
    TrainingCheckpoint y = general.checkpoint();
    assertThat(x.epoch()).isEqualTo(y.epoch());
    assertThat(x.params()).isEqualTo(y.params());
    assertThat(x.optimizerState().scalars()).isEqualTo(y.optimizerState().scalars());
    assertThat(x.optimizerState().arrays().keySet())
        .isEqualTo(y.optimizerState().arrays().keySet());
    for (String buffer : x.optimizerState().arrays().keySet()) {
      assertThat(x.optimizerState().arrays().get(buffer))
          .isEqualTo(y.optimizerState().arrays().get(buffer));
    }
    assertThat(x.lastTrainLoss()).isEqualTo(y.lastTrainLoss());
    assertThat(x.bestEpoch()).isEqualTo(y.bestEpoch());
    assertThat(x.bestValLoss()).isEqualTo(y.bestValLoss());
    assertThat(x.bestParams()).isEqualTo(y.bestParams());
  }

  /** Training rows on y = 2x + 1, validation rows on y = x + 1: the validation loss turns. */
  private static Dataset overfitting() {
    Dataset line = TestData.line(20);
    double[] x = line.column("x");
    double[] y = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      y[r] = 2 * x[r] + 1;
    }
    for (int r : Split.of(line, LinearModel.xy().info(), 0.2, 0).validationRows()) {
      y[r] = x[r] + 1;
    }
    return TestData.xy(x, y);
  }
}
