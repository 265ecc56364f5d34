package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;
import org.symgrad.runtime.optim.Optimizer;

/** 1000 epochs, a checkpoint, 1000 more: the same bits as 2000 straight. */
class ResumeTest {
  private static final Dataset DATA = TestData.line(23);

  private static final TrainerOptions.Builder EVERYTHING = TrainerOptions.builder()
      .seed(42)
      .batchSize(5)
      .inputNoise(0.05)
      .earlyStopping(100_000) // tracked, never triggered
      .scheduler(opt -> new StepLrDouble(opt, 300, 0.5));

  private static TrainingResult straight(TrainerOptions.Builder options, Optimizer optimizer) {
    return new Trainer(options.epochs(2000).build())
        .fit(LinearModel.xy(), DATA, new double[] {0, 0}, optimizer);
  }

  private static void assertResumesExactly(
      TrainerOptions.Builder options, IntFunction<Optimizer> optimizers) {
    TrainingResult straight = straight(options, optimizers.apply(2));
    Trainer half = new Trainer(options.epochs(1000).build());
    TrainingResult first =
        half.fit(LinearModel.xy(), DATA, new double[] {0, 0}, optimizers.apply(2));
    TrainingResult second =
        half.resume(LinearModel.xy(), DATA, first.checkpoint(), optimizers.apply(2));

    assertThat(second.params()).isEqualTo(straight.params());
    assertThat(second.trainLoss()).isEqualTo(straight.trainLoss());
    assertThat(second.valLoss()).isEqualTo(straight.valLoss());
    assertThat(second.epochs()).isEqualTo(2000);
    assertThat(second.bestEpoch()).isEqualTo(straight.bestEpoch());
    assertThat(second.history().firstEpoch()).isEqualTo(1001);
    assertThat(concat(first.history().trainLosses(), second.history().trainLosses()))
        .isEqualTo(straight.history().trainLosses());
    assertThat(concat(first.history().valLosses(), second.history().valLosses()))
        .isEqualTo(straight.history().valLosses());
    TrainingCheckpoint a = second.checkpoint();
    TrainingCheckpoint b = straight.checkpoint();
    assertThat(a.learningRate()).isEqualTo(b.learningRate());
    assertThat(a.schedulerState()).isEqualTo(b.schedulerState());
    assertThat(a.optimizerState().scalars()).isEqualTo(b.optimizerState().scalars());
    for (String buffer : b.optimizerState().arrays().keySet()) {
      assertThat(a.optimizerState().array(buffer)).isEqualTo(b.optimizerState().array(buffer));
    }
    assertThat(a.bestParams()).isEqualTo(b.bestParams());
    assertThat(a.lastTrainLoss()).isEqualTo(b.lastTrainLoss());
  }

  @Test
  void momentumSgdFullBatch() {
    assertResumesExactly(TrainerOptions.builder().seed(42),
        n -> new MomentumSgd(0.01, 0.9, n));
  }

  @Test
  void momentumSgdWithMiniBatchesNoiseSchedulerAndEarlyStoppingState() {
    assertResumesExactly(EVERYTHING.build().toBuilder(), n -> new MomentumSgd(0.01, 0.9, n));
  }

  @Test
  void adamWithMiniBatchesNoiseSchedulerAndEarlyStoppingState() {
    assertResumesExactly(EVERYTHING.build().toBuilder(), n -> new AdamDouble(0.01, n));
  }

  @Test
  void withoutValidation() {
    assertResumesExactly(TrainerOptions.builder().validationFraction(0).batchSize(4),
        n -> new AdamDouble(0.01, n));
  }

  @Test
  void theCheckpointsSeedGovernsNotTheOptions() {
    TrainerOptions.Builder options = EVERYTHING.build().toBuilder();
    TrainingResult straight = straight(options, new MomentumSgd(0.01, 0.9, 2));
    TrainingResult first = new Trainer(options.epochs(1000).build())
        .fit(LinearModel.xy(), DATA, new double[] {0, 0}, new MomentumSgd(0.01, 0.9, 2));

    TrainingResult second = new Trainer(options.seed(0).build())
        .resume(LinearModel.xy(), DATA, first.checkpoint(), new MomentumSgd(0.01, 0.9, 2));

    assertThat(second.params()).isEqualTo(straight.params());
    assertThat(second.checkpoint().seed()).isEqualTo(42);
  }

  @Test
  void refusesOtherData() {
    TrainingResult first = new Trainer(TrainerOptions.builder().epochs(10).build())
        .fit(LinearModel.xy(), DATA, new double[] {0, 0}, new PlainSgd(0.01));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer().resume(LinearModel.xy(), TestData.line(30), first.checkpoint(),
            new PlainSgd(0.01)));
    assertThat(e).hasMessageThat().isEqualTo("the checkpoint was made on 23 rows with 4 for"
        + " validation, but this data has 30 rows and the validation fraction holds out 6");
  }

  @Test
  void refusesAnotherModelsCheckpointOfTheSameSize() {
    TrainingResult first = new Trainer(TrainerOptions.builder().epochs(10).build())
        .fit(LinearModel.xy(), DATA, new double[] {0, 0}, new PlainSgd(0.01));
    assertThat(first.checkpoint().parameterNames()).containsExactly("w", "b").inOrder();
    CompiledModel renamed = new DelegatingModel(LinearModel.xy()) {
      @Override
      public ModelInfo info() {
        ModelInfo line = model.info();
        return new ModelInfo("other", line.modelText(), line.lossText(),
            List.of(ParameterInfo.scalar("a", 0, new Initializer.Constant(0)),
                ParameterInfo.scalar("c", 1, new Initializer.Constant(0))),
            line.inputColumns(), line.target(), line.outputs());
      }
    };

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer().resume(renamed, DATA, first.checkpoint(), new PlainSgd(0.01)));
    assertThat(e).hasMessageThat().isEqualTo("the checkpoint is of a model with parameters"
        + " w, b, but model 'other' has a, c");
  }

  @Test
  void aCheckpointThatDoesNotNameItsParametersIsMatchedByTheirCount() {
    TrainingCheckpoint named = new Trainer(TrainerOptions.builder().epochs(10).build())
        .fit(LinearModel.xy(), DATA, new double[] {0, 0}, new PlainSgd(0.01)).checkpoint();
    TrainingCheckpoint unnamed = new TrainingCheckpoint(named.seed(), named.epoch(),
        named.rows(), named.validationRows(), named.params(), named.optimizerState(),
        named.learningRate(), named.schedulerState(), named.lastTrainLoss(), named.bestEpoch(),
        named.bestValLoss(), named.bestParams());
    assertThat(unnamed.parameterNames()).isEmpty();

    Trainer more = new Trainer(TrainerOptions.builder().epochs(5).build());
    assertThat(more.resume(LinearModel.xy(), DATA, unnamed, new PlainSgd(0.01)).params())
        .isEqualTo(more.resume(LinearModel.xy(), DATA, named, new PlainSgd(0.01)).params());
  }

  @Test
  void refusesAnotherValidationFraction() {
    TrainingResult first = new Trainer(TrainerOptions.builder().epochs(10).build())
        .fit(LinearModel.xy(), DATA, new double[] {0, 0}, new PlainSgd(0.01));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(TrainerOptions.builder().validationFraction(0).build()).resume(
            LinearModel.xy(), DATA, first.checkpoint(), new PlainSgd(0.01)));
    assertThat(e).hasMessageThat().contains("validation fraction holds out 0");
  }

  @Test
  void theLastLogLineOfAResumedRunIsItsOwnLastEpoch() {
    StringBuilder log = new StringBuilder();
    TrainingResult first = new Trainer(TrainerOptions.builder().epochs(10).build())
        .fit(LinearModel.xy(), DATA, new double[] {0, 0}, new PlainSgd(0.01));

    new Trainer(TrainerOptions.builder().epochs(4).logEvery(500)
        .listener(EpochListener.logLines(line -> log.append(line, 0, line.indexOf(','))
            .append(';'))).build())
        .resume(LinearModel.xy(), DATA, first.checkpoint(), new PlainSgd(0.01));

    assertThat(log.toString()).isEqualTo("Epoch 14;");
  }

  private static double[] concat(double[] a, double[] b) {
    return DoubleStream.concat(DoubleStream.of(a), DoubleStream.of(b)).toArray();
  }
}
