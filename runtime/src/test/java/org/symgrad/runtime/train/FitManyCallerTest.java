package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optim;
import org.symgrad.runtime.optim.Optimizer;

/**
 * {@link FitMany}'s calling thread takes part in the fits: a single fit runs on it, and fits
 * that no task of the executor takes (a busy executor, or one that refuses tasks) are run by
 * it, each result still the fit of its own data set.
 */
class FitManyCallerTest {
  private static final Trainer TRAINER = new Trainer(TrainerOptions.builder().epochs(100)
      .build());
  private static final double[] START = {0, 0};

  private static List<Dataset> datasets(int count) {
    List<Dataset> data = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      data.add(TestData.line(10 + 5 * i));
    }
    return data;
  }

  private static Optimizer sgd() {
    return Optim.sgd().lr(0.05).create(2);
  }

  @Test
  void anExecutorThatNeverRunsItsTasksLeavesEveryFitToTheCaller() {
    List<Runnable> neverRun = new ArrayList<>();
    List<Dataset> data = datasets(3);
    List<TrainingResult> results = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> FitMany.fitAll(TRAINER, LinearModel.xy(), data, START, FitManyCallerTest::sgd,
            neverRun::add));

    assertThat(neverRun).hasSize(3); // one task a data set was still offered
    assertSameAsAlone(results, data);
  }

  @Test
  void anExecutorThatRefusesTasksLeavesTheFitsToTheCaller() {
    List<Dataset> data = datasets(3);
    List<TrainingResult> results = FitMany.fitAll(TRAINER, LinearModel.xy(), data, START,
        FitManyCallerTest::sgd, task -> {
          throw new RejectedExecutionException("full");
        });

    assertSameAsAlone(results, data);
  }

  @Test
  void oneThreadMeansTheCallersOwn() {
    Set<Thread> fitting = ConcurrentHashMap.newKeySet();
    List<Dataset> data = datasets(4);
    List<TrainingResult> results = FitMany.fitAll(TRAINER, LinearModel.xy(), data, START,
        () -> {
          fitting.add(Thread.currentThread()); // the supplier runs on the fit's thread
          return sgd();
        }, 1);

    assertThat(fitting).containsExactly(Thread.currentThread());
    assertSameAsAlone(results, data);
  }

  @Test
  void aPoolAndTheCallerTogetherGiveTheFitsDoneAlone() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Dataset> data = datasets(9);
      for (int round = 0; round < 5; round++) {
        assertSameAsAlone(FitMany.fitAll(TRAINER, LinearModel.xy(), data, START,
            FitManyCallerTest::sgd, pool), data);
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void assertSameAsAlone(List<TrainingResult> results, List<Dataset> data) {
    assertThat(results).hasSize(data.size());
    for (int i = 0; i < data.size(); i++) {
      TrainingResult alone = TRAINER.fit(LinearModel.xy(), data.get(i), START, sgd());
      assertThat(results.get(i).params()).isEqualTo(alone.params());
      assertThat(results.get(i).history().trainLosses())
          .isEqualTo(alone.history().trainLosses());
      assertThat(results.get(i).epochs()).isEqualTo(alone.epochs());
    }
  }
}
