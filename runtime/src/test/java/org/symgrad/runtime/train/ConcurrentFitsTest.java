package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One trainer, many fits at once: each fit's state is its own. (No timing asserted.) */
class ConcurrentFitsTest {

  @Test
  void concurrentFitsGiveTheSequentialBits() throws Exception {
    Trainer trainer = new Trainer(TrainerOptions.builder().epochs(500).batchSize(4)
        .inputNoise(0.05).scheduler(opt -> new StepLrDouble(opt, 100, 0.5)).build());
    int fits = 16;
    List<TrainingResult> sequential = new ArrayList<>();
    for (int i = 0; i < fits; i++) {
      sequential.add(fitOne(trainer, i));
    }

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TrainingResult>> futures = new ArrayList<>();
      for (int i = 0; i < fits; i++) {
        int index = i;
        futures.add(pool.submit(() -> fitOne(trainer, index)));
      }
      for (int i = 0; i < fits; i++) {
        TrainingResult concurrent = futures.get(i).get();
        assertThat(concurrent.params()).isEqualTo(sequential.get(i).params());
        assertThat(concurrent.history().trainLosses())
            .isEqualTo(sequential.get(i).history().trainLosses());
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Fit number {@code i}: its own data and optimizer, the shared trainer. */
  private static TrainingResult fitOne(Trainer trainer, int i) {
    return trainer.fit(LinearModel.xy(), TestData.line(20 + i), new double[] {0, 0},
        new MomentumSgd(0.02, 0.9, 2));
  }
}
