package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizer;

/** Many fits of one model: in input order, each as if alone, whatever the threads. */
class FitManyTest {
  // Mini-batches and input noise, so that each fit draws from its seed and a momentum
  // optimizer, so that a shared optimizer would show.
  private static final Trainer TRAINER = new Trainer(TrainerOptions.builder().epochs(200)
      .batchSize(4).inputNoise(0.05).validationFraction(0.25).build());
  private static final double[] START = {0, 0};

  private static List<Dataset> datasets(int count) {
    List<Dataset> data = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      data.add(TestData.line(12 + 3 * i));
    }
    return data;
  }

  private static Optimizer momentum() {
    return new MomentumSgd(0.02, 0.9, 2);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void resultsAreInInputOrderAndEqualFitsDoneAlone(int threads) {
    List<Dataset> data = datasets(9);
    List<TrainingResult> many =
        FitMany.fitAll(TRAINER, LinearModel.xy(), data, START, FitManyTest::momentum, threads);

    assertThat(many).hasSize(data.size());
    for (int i = 0; i < data.size(); i++) {
      TrainingResult alone = TRAINER.fit(LinearModel.xy(), data.get(i), START, momentum());
      assertThat(many.get(i).params()).isEqualTo(alone.params());
      assertThat(many.get(i).history().trainLosses()).isEqualTo(alone.history().trainLosses());
      assertThat(many.get(i).valLoss()).isEqualTo(alone.valLoss());
    }
  }

  @Test
  void eachFitGetsItsOwnOptimizerAndTheStartIsNotChanged() {
    Set<Optimizer> made = ConcurrentHashMap.newKeySet();
    double[] start = START.clone();
    FitMany.fitAll(TRAINER, LinearModel.xy(), datasets(5), start, () -> {
      Optimizer optimizer = momentum();
      made.add(optimizer);
      return optimizer;
    }, 3);

    assertThat(made).hasSize(5);
    assertThat(start).isEqualTo(START);
  }

  @Test
  void runsOnTheGivenExecutor() {
    AtomicInteger tasks = new AtomicInteger();
    Executor counting = task -> {
      tasks.incrementAndGet();
      task.run();
    };
    List<TrainingResult> results = FitMany.fitAll(TRAINER, LinearModel.xy(), datasets(4), START,
        FitManyTest::momentum, counting);

    assertThat(tasks.get()).isEqualTo(4);
    assertThat(results).hasSize(4);
  }

  @Test
  void noDataSetsNoFits() {
    assertThat(FitMany.fitAll(TRAINER, LinearModel.xy(), List.of(), START,
        FitManyTest::momentum, 2)).isEmpty();
  }

  @Test
  void aRefusedDataSetIsNamedByItsIndex() {
    List<Dataset> data = datasets(4);
    data.set(2, new Dataset(List.of("x"), new double[][] {{1, 2, 3, 4, 5, 6, 7, 8}}));
    data.set(3, new Dataset(List.of("y"), new double[][] {{1, 2, 3, 4, 5, 6, 7, 8}}));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        FitMany.fitAll(TRAINER, LinearModel.xy(), data, START, FitManyTest::momentum, 2));
    assertThat(e).hasMessageThat().startsWith("data set 2 of 4: missing column y");
    assertThat(e.getSuppressed()).hasLength(1);
    assertThat(e.getSuppressed()[0]).hasMessageThat().startsWith("data set 3 of 4: ");
  }

  @Test
  void anErrorInAFitLeavesTheFitsNotYetStartedUndone() {
    OutOfMemoryError full = new OutOfMemoryError("Java heap space");
    AtomicInteger started = new AtomicInteger();
    OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () ->
        FitMany.fitAll(TRAINER, LinearModel.xy(), datasets(10), START, () -> {
          if (started.incrementAndGet() == 2) {
            throw full;
          }
          return momentum();
        }, Runnable::run));

    assertThat(e).isSameInstanceAs(full);
    // Every fit ran on the one thread, in order: the eight after the error never started.
    assertThat(started.get()).isEqualTo(2);
  }

  @Test
  void anErrorWhileQueueingStopsTheTasksAlreadyQueued() {
    OutOfMemoryError full = new OutOfMemoryError("Java heap space");
    List<Runnable> queued = new ArrayList<>();
    Executor fillsUp = task -> {
      if (!queued.isEmpty()) {
        throw full;
      }
      queued.add(task);
    };
    AtomicInteger started = new AtomicInteger();
    OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () ->
        FitMany.fitAll(TRAINER, LinearModel.xy(), datasets(4), START, () -> {
          started.incrementAndGet();
          return momentum();
        }, fillsUp));
    queued.get(0).run(); // the task queued before the error, run late

    assertThat(e).isSameInstanceAs(full);
    assertThat(started.get()).isEqualTo(0);
  }

  @Test
  void refusesFewerThanOneThread() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        FitMany.fitAll(TRAINER, LinearModel.xy(), datasets(1), START, FitManyTest::momentum, 0));
    assertThat(e).hasMessageThat().isEqualTo("threads must be at least 1, got 0");
  }
}
