package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerTest {
  private static TrainingResult fit(TrainerOptions.Builder options) {
    return new Trainer(options.build())
        .fit(LinearModel.xy(), TestData.line(20), new double[] {0, 0}, new PlainSgd(0.05));
  }

  @Test
  void everyAppliedEpochIsReportedInOrder() {
    List<EpochReport> reports = new ArrayList<>();

    TrainingResult result = fit(TrainerOptions.builder().epochs(30).listener(reports::add));

    assertThat(reports).hasSize(30);
    for (int e = 1; e <= 30; e++) {
      EpochReport report = reports.get(e - 1);
      assertThat(report.epoch()).isEqualTo(e);
      assertThat(report.lastEpoch()).isEqualTo(30);
      assertThat(report.trainLoss()).isEqualTo(result.history().trainLoss(e));
      assertThat(report.valLoss()).isEqualTo(result.history().valLoss(e));
      assertThat(report.learningRate()).isEqualTo(0.05);
      assertThat(report.hasParams()).isFalse();
    }
    assertThat(reports.get(29).isLast()).isTrue();
  }

  @Test
  void logEpochsAreOneTwoThreeEveryKthAndTheLast() {
    List<Integer> logged = new ArrayList<>();

    fit(TrainerOptions.builder().epochs(1200).logEvery(500).listener(r -> {
      if (r.isLogEpoch()) {
        logged.add(r.epoch());
      }
    }));

    assertThat(logged).containsExactly(1, 2, 3, 500, 1000, 1200).inOrder();
  }

  @Test
  void logLinesFollowTheBook() {
    List<String> lines = new ArrayList<>();

    fit(TrainerOptions.builder().epochs(2).listener(EpochListener.logLines(lines::add)));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("Epoch 1, Training loss \\d+\\.\\d{6}, "
        + "Validation loss \\d+\\.\\d{6}");
  }

  @Test
  void theLogLineFormat() {
    assertThat(new EpochReport(500, 5000, 7.8601164, 3.8285381, 0.01, true, null).logLine())
        .isEqualTo("Epoch 500, Training loss 7.860116, Validation loss 3.828538");
    assertThat(new EpochReport(5000, 5000, 2.9276478, null, 0.01, true, null).logLine())
        .isEqualTo("Epoch 5000, Training loss 2.927648");
    assertThat(new EpochReport(7, 9, Double.POSITIVE_INFINITY, Double.NaN, 1, false, null)
        .logLine()).isEqualTo("Epoch 7, Training loss Infinity, Validation loss NaN");
  }

  @Test
  void parametersOnlyWhenAskedFor() {
    List<EpochReport> reports = new ArrayList<>();
    fit(TrainerOptions.builder().epochs(1).listener(reports::add));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> reports.get(0).params());
    assertThat(e).hasMessageThat().contains("reportParameters(true)");
  }

  @Test
  void parametersAreThoseAfterTheEpochsUpdate() {
    List<EpochReport> reports = new ArrayList<>();

    fit(TrainerOptions.builder().epochs(5).reportParameters(true).listener(reports::add));

    assertThat(reports.get(2).params())
        .isEqualTo(fit(TrainerOptions.builder().epochs(3)).params());
    double[] copy = reports.get(2).params();
    copy[0] = 99;
    assertThat(reports.get(2).params()[0]).isNotEqualTo(99.0);
  }

  @Test
  void theEarlyStoppingEpochIsTheLast() {
    List<EpochReport> reports = new ArrayList<>();

    // A patience of 1 with lr 0 stops after epoch 2: epoch 2 equals epoch 1's loss.
    TrainingResult result = new Trainer(TrainerOptions.builder().epochs(100).earlyStopping(1)
        .listener(reports::add).build())
        .fit(LinearModel.xy(), TestData.line(20), new double[] {0, 0}, new PlainSgd(0));

    assertThat(result.epochs()).isEqualTo(2);
    EpochReport last = reports.get(reports.size() - 1);
    assertThat(last.epoch()).isEqualTo(2);
    assertThat(last.isLast()).isTrue();
    assertThat(last.isLogEpoch()).isTrue();
    assertThat(reports.get(0).lastEpoch()).isEqualTo(100);
  }

  @Test
  void aListenersExceptionEndsTheFit() {
    RuntimeException stop = new RuntimeException("cancelled");
    List<Integer> seen = new ArrayList<>();

    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> fit(TrainerOptions.builder().epochs(10).listener(r -> {
          seen.add(r.epoch());
          if (r.epoch() == 3) {
            throw stop;
          }
        })));

    assertThat(thrown).isSameInstanceAs(stop);
    assertThat(seen).containsExactly(1, 2, 3);
  }

  @Test
  void listenersAreCalledInTheOrderAdded() {
    List<String> calls = new ArrayList<>();

    fit(TrainerOptions.builder().epochs(1).listener(r -> calls.add("a"))
        .listener(r -> calls.add("b")));

    assertThat(calls).containsExactly("a", "b").inOrder();
  }
}
