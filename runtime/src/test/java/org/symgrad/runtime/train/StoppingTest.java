package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;

/** The ways a fit stops besides its budget: convergence, a time limit, an interrupt. */
class StoppingTest {
  private static final Dataset DATA = TestData.line(50);
  private static final double[] START = {0.5, 0};

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static TrainingResult fit(TrainerOptions.Builder options) {
    return new Trainer(options.build()).fit(LinearModel.xy(), DATA, START, new PlainSgd(0.1));
  }

  @Test
  void convergesAtTheFirstEpochWithinTheTolerance() {
    double tolerance = 1e-6;
    TrainingResult converged =
        fit(TrainerOptions.builder().epochs(1_000_000).validationFraction(0).tolerance(tolerance));
    TrainingResult straight =
        fit(TrainerOptions.builder().epochs(converged.epochs() + 1).validationFraction(0));

    assertThat(converged.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(converged.epochs()).isLessThan(1_000_000);
    History history = straight.history();
    int last = converged.epochs();
    // The test holds at the last epoch and at no epoch before it.
    assertThat(withinTolerance(history, last, tolerance)).isTrue();
    for (int epoch = 2; epoch < last; epoch++) {
      assertThat(withinTolerance(history, epoch, tolerance)).isFalse();
    }
    assertThat(converged.params()).isEqualTo(
        fit(TrainerOptions.builder().epochs(last).validationFraction(0)).params());
  }

  private static boolean withinTolerance(History history, int epoch, double tolerance) {
    double previous = history.trainLoss(epoch - 1);
    double loss = history.trainLoss(epoch);
    return Math.abs(previous - loss)
        <= tolerance * Math.max(Math.max(Math.abs(previous), Math.abs(loss)), 1);
  }

  @Test
  void convergesWithValidationToo() {
    TrainingResult converged = fit(TrainerOptions.builder().epochs(1_000_000).tolerance(1e-9));
    assertThat(converged.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(converged.valLoss()).isNotNull();
  }

  @Test
  void aTimeLimitEndsAFitThatWouldRunForHours() {
    TrainingResult limited = fit(TrainerOptions.builder().epochs(2_000_000_000)
        .validationFraction(0).timeLimit(Duration.ofMillis(20)));
    assertThat(limited.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(limited.epochs()).isLessThan(2_000_000_000);
    assertThat(limited.checkpoint().epoch()).isEqualTo(limited.epochs());
  }

  @Test
  void anInterruptedThreadRunsNoEpochAndKeepsItsInterrupt() {
    Thread.currentThread().interrupt();
    TrainingResult result = fit(TrainerOptions.builder().epochs(100).validationFraction(0));
    assertThat(result.stopReason()).isEqualTo(StopReason.INTERRUPTED);
    assertThat(result.epochs()).isEqualTo(0);
    assertThat(result.params()).isEqualTo(START);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void anInterruptStopsBeforeTheNextEpochAndTheFitGoesOnExactly() {
    TrainerOptions.Builder options = TrainerOptions.builder().epochs(100).validationFraction(0.2)
        .listener(report -> {
          if (report.epoch() == 10) {
            Thread.currentThread().interrupt();
          }
        });
    TrainingResult interrupted = fit(options);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(interrupted.stopReason()).isEqualTo(StopReason.INTERRUPTED);
    assertThat(interrupted.epochs()).isEqualTo(10);

    Trainer rest = new Trainer(TrainerOptions.builder().epochs(90).validationFraction(0.2)
        .build());
    TrainingResult resumed =
        rest.resume(LinearModel.xy(), DATA, interrupted.checkpoint(), new PlainSgd(0.1));
    TrainingResult straight = fit(TrainerOptions.builder().epochs(100).validationFraction(0.2));
    assertThat(resumed.params()).isEqualTo(straight.params());
  }

  /**
   * A full-batch fit without listeners looks at its interrupt every {@link
   * FitRun#epochsBetweenStopChecks} epochs, not every epoch: an interrupt raised during epoch
   * 10 (by the model, the only code such a fit calls) stops it at the next look, and it goes on
   * from there exactly.
   */
  @Test
  void aFitWithoutListenersStopsAtTheNextLookAfterAnInterruptAndGoesOnExactly() {
    int between = FitRun.epochsBetweenStopChecks(DATA.rows());
    assertThat(between).isGreaterThan(10);
    int[] calls = {0};
    CompiledModel model = new DelegatingModel(LinearModel.xy()) {
      @Override
      public double lossAndGradient(double[] params, Batch batch, double[] grad) {
        if (++calls[0] == 10) {
          Thread.currentThread().interrupt(); // during epoch 10
        }
        return model.lossAndGradient(params, batch, grad);
      }
    };
    int epochs = 3 * between;
    TrainingResult interrupted = new Trainer(TrainerOptions.builder().epochs(epochs)
        .validationFraction(0).build()).fit(model, DATA, START, new PlainSgd(0.1));
    assertThat(Thread.interrupted()).isTrue();
    assertThat(interrupted.stopReason()).isEqualTo(StopReason.INTERRUPTED);
    assertThat(interrupted.epochs()).isEqualTo(between);

    TrainingResult resumed = new Trainer(TrainerOptions.builder().epochs(epochs - between)
        .validationFraction(0).build())
        .resume(LinearModel.xy(), DATA, interrupted.checkpoint(), new PlainSgd(0.1));
    TrainingResult straight = fit(TrainerOptions.builder().epochs(epochs).validationFraction(0));
    assertThat(resumed.params()).isEqualTo(straight.params());
  }

  @Test
  void aLargeBatchIsLookedAtEveryEpochAndASmallOneEveryFewMicroseconds() {
    assertThat(FitRun.epochsBetweenStopChecks(1_000_000)).isEqualTo(1);
    assertThat(FitRun.epochsBetweenStopChecks(65_536)).isEqualTo(1);
    assertThat(FitRun.epochsBetweenStopChecks(4_096)).isEqualTo(16);
    assertThat(FitRun.epochsBetweenStopChecks(11)).isEqualTo(1024);
    assertThat(FitRun.epochsBetweenStopChecks(0)).isEqualTo(1024);
  }

  @Test
  void interruptingFitManyCancelsEveryFit() throws InterruptedException {
    List<Dataset> datasets = List.of(DATA, DATA, DATA, DATA);
    CountDownLatch started = new CountDownLatch(1);
    Trainer trainer = new Trainer(TrainerOptions.builder().epochs(2_000_000_000)
        .validationFraction(0).listener(report -> started.countDown()).build());
    AtomicReference<List<TrainingResult>> results = new AtomicReference<>();
    AtomicReference<Boolean> interruptKept = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      results.set(FitMany.fitAll(trainer, LinearModel.xy(), datasets, START,
          () -> new PlainSgd(0.1), 2));
      interruptKept.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    started.await();
    caller.interrupt();
    caller.join();

    assertThat(interruptKept.get()).isTrue();
    assertThat(results.get()).hasSize(4);
    List<StopReason> reasons = new ArrayList<>();
    results.get().forEach(result -> reasons.add(result.stopReason()));
    assertThat(reasons).containsExactly(StopReason.INTERRUPTED, StopReason.INTERRUPTED,
        StopReason.INTERRUPTED, StopReason.INTERRUPTED);
  }

  @Test
  void refusesImpossibleLimits() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> TrainerOptions.builder().tolerance(-1).build()))
        .hasMessageThat().isEqualTo("convergence tolerance must be finite and not negative,"
            + " got -1.0");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> TrainerOptions.builder().timeLimit(Duration.ZERO).build()))
        .hasMessageThat().isEqualTo("time limit must be positive, got PT0S");
  }
}
