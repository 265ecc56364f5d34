package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.optim.Optimizer;

class SchedulerTest {

  @Test
  void stepsOnceAnEpochWithTheValidationLoss() {
    RecordingScheduler scheduler = new RecordingScheduler();

    TrainingResult result = new Trainer(TrainerOptions.builder().epochs(20)
        .scheduler(opt -> scheduler).build())
        .fit(LinearModel.xy(), TestData.line(20), new double[2], new PlainSgd(0.05));

    assertThat(scheduler.metrics).hasSize(20);
    for (int e = 1; e <= 20; e++) {
      assertThat(scheduler.metrics.get(e - 1)).isEqualTo(result.history().valLoss(e));
    }
  }

  @Test
  void withoutValidationStepsWithTheTrainingLoss() {
    RecordingScheduler scheduler = new RecordingScheduler();

    TrainingResult result = new Trainer(TrainerOptions.builder().epochs(20)
        .validationFraction(0).scheduler(opt -> scheduler).build())
        .fit(LinearModel.xy(), TestData.line(20), new double[2], new PlainSgd(0.05));

    for (int e = 1; e <= 20; e++) {
      assertThat(scheduler.metrics.get(e - 1)).isEqualTo(result.history().trainLoss(e));
    }
  }

  @Test
  void theFactoryGetsTheFitsOptimizer() {
    List<Optimizer> given = new ArrayList<>();
    Trainer trainer = new Trainer(TrainerOptions.builder().epochs(1).scheduler(opt -> {
      given.add(opt);
      return new RecordingScheduler();
    }).build());
    PlainSgd first = new PlainSgd(0.1);
    PlainSgd second = new PlainSgd(0.1);

    trainer.fit(LinearModel.xy(), TestData.line(20), new double[2], first);
    trainer.fit(LinearModel.xy(), TestData.line(20), new double[2], second);

    assertThat(given).containsExactly(first, second).inOrder();
  }

  @Test
  void reportsTheLearningRateEachEpochUsed() {
    List<Double> rates = new ArrayList<>();

    new Trainer(TrainerOptions.builder().epochs(7)
        .scheduler(opt -> new StepLrDouble(opt, 3, 0.5))
        .listener(r -> rates.add(r.learningRate())).build())
        .fit(LinearModel.xy(), TestData.line(20), new double[2], new PlainSgd(0.08));

    assertThat(rates).containsExactly(0.08, 0.08, 0.08, 0.04, 0.04, 0.04, 0.02).inOrder();
  }
}
