package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainingCheckpoint;
import org.symgrad.runtime.train.TrainingResult;

/**
 * The data-parallel fit with a scheduler, its checkpoint ({@code --save}) and resuming from one
 * ({@code --init}): the trainer's rules, so that a checkpoint of {@code symgrad fit} resumes on
 * Spark and one of Spark resumes there to the bits of one longer fit.
 */
class DataParallelResumeTest {
  // 2 chunks of training rows and 1 of validation rows.
  private static final List<Row> ROWS = TestSpark.thermometerRows(6_000, 17, 0.5556, -17.8);
  private static final FitSpec SPEC = FitSpec.defaults().withOptimizer("adam")
      .withOption("lr", "0.5").withScheduler("StepLR:step_size=2,gamma=0.5").withSeed(3);

  private static Dataset<Row> data(int partitions) {
    return TestSpark.frame(ROWS, TestSpark.thermometerSchema(), partitions);
  }

  private static double relative(double actual, double expected) {
    return Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
  }

  private static Trainer trainer(FitSpec spec) {
    return new Trainer(spec.trainerOptions().toBuilder().threads(2).build());
  }

  private static org.symgrad.runtime.Dataset runtimeData() {
    double[][] columns = new double[2][ROWS.size()];
    for (int r = 0; r < ROWS.size(); r++) {
      columns[0][r] = ROWS.get(r).getDouble(0);
      columns[1][r] = ROWS.get(r).getDouble(1);
    }
    return new org.symgrad.runtime.Dataset(List.of("t_u", "t_c"), columns);
  }

  private static CompiledModel model() {
    return Symgrad.compile(Symgrad.parse(TestSpark.THERMOMETER, "model.sg"));
  }

  private static void assertClose(SparkFitResult actual, TrainingResult expected) {
    for (int i = 0; i < 2; i++) {
      assertThat(relative(actual.params()[i], expected.params()[i])).isAtMost(1e-12);
    }
    assertThat(relative(actual.trainLoss(), expected.trainLoss())).isAtMost(1e-12);
    assertThat(relative(actual.valLoss(), expected.valLoss())).isAtMost(1e-12);
    assertThat(actual.epochs()).isEqualTo(expected.epochs());
    assertThat(actual.checkpoint().learningRate())
        .isEqualTo(expected.checkpoint().learningRate());
  }

  @Test
  void theSchedulerStepsAsTheTrainersDoes() {
    FitSpec spec = SPEC.withEpochs(6);

    SparkFitResult fit = SymgradSpark.fit(data(3), TestSpark.THERMOMETER, spec);

    TrainingResult want = trainer(spec).fit(model(), runtimeData(),
        model().info().initialParameters(3), spec.newOptimizer(2));
    assertClose(fit, want);
    assertThat(fit.checkpoint().learningRate()).isEqualTo(0.5 * 0.5 * 0.5 * 0.5); // 2, 4, 6
  }

  @Test
  void resumingItsCheckpointGivesTheBitsOfOneLongerFit() {
    SparkFitResult whole = SymgradSpark.fit(data(3), TestSpark.THERMOMETER, SPEC.withEpochs(6));
    SparkFitResult half = SymgradSpark.fit(data(2), TestSpark.THERMOMETER, SPEC.withEpochs(3));

    SparkFitResult resumed = SymgradSpark.resume(data(8), TestSpark.THERMOMETER,
        SymgradSpark.DEFAULT_SOURCE, SPEC.withEpochs(3), half.checkpoint());

    assertThat(half.checkpoint().epoch()).isEqualTo(3);
    assertThat(resumed.epochs()).isEqualTo(6);
    assertThat(resumed.params()).isEqualTo(whole.params());
    assertThat(resumed.trainLoss()).isEqualTo(whole.trainLoss());
    assertThat(resumed.valLoss()).isEqualTo(whole.valLoss());
    TrainingCheckpoint a = resumed.checkpoint();
    TrainingCheckpoint b = whole.checkpoint();
    assertThat(a.params()).isEqualTo(b.params());
    assertThat(a.optimizerState().arrays().keySet())
        .containsExactlyElementsIn(b.optimizerState().arrays().keySet());
    for (String name : b.optimizerState().arrays().keySet()) {
      assertThat(a.optimizerState().array(name)).isEqualTo(b.optimizerState().array(name));
    }
    assertThat(a.optimizerState().scalars()).isEqualTo(b.optimizerState().scalars());
    assertThat(a.schedulerState()).isEqualTo(b.schedulerState());
    assertThat(a.learningRate()).isEqualTo(b.learningRate());
    assertThat(a.bestEpoch()).isEqualTo(b.bestEpoch());
    assertThat(a.bestParams()).isEqualTo(b.bestParams());
  }

  @Test
  void aCheckpointOfTheSingleJvmTrainerResumesOnSpark() {
    TrainingResult first = trainer(SPEC.withEpochs(3)).fit(model(), runtimeData(),
        model().info().initialParameters(3), SPEC.newOptimizer(2));

    SparkFitResult resumed = SymgradSpark.resume(data(3), TestSpark.THERMOMETER,
        SymgradSpark.DEFAULT_SOURCE, SPEC.withEpochs(3), first.checkpoint());

    TrainingResult whole = trainer(SPEC.withEpochs(6)).fit(model(), runtimeData(),
        model().info().initialParameters(3), SPEC.newOptimizer(2));
    assertClose(resumed, whole);
  }

  @Test
  void aCheckpointOfOtherRowsOrOfLmIsRefused() {
    SparkFitResult half = SymgradSpark.fit(data(2), TestSpark.THERMOMETER, SPEC.withEpochs(1));
    Dataset<Row> fewer = TestSpark.frame(ROWS.subList(0, 5_000), TestSpark.thermometerSchema(),
        2);

    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.resume(fewer, TestSpark.THERMOMETER, SymgradSpark.DEFAULT_SOURCE,
            SPEC, half.checkpoint()));
    IllegalArgumentException lm = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.resume(fewer, TestSpark.THERMOMETER, SymgradSpark.DEFAULT_SOURCE,
            FitSpec.defaults().withOptimizer("lm"), half.checkpoint()));

    assertThat(rows).hasMessageThat().isEqualTo("the checkpoint was made on 6000 rows with "
        + "1200 for validation, but this data has 5000 rows with 1000 for validation");
    assertThat(lm).hasMessageThat().contains("keeps no training state");
  }
}
