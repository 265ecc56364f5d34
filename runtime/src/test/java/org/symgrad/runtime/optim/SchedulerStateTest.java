package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.runtime.optim.TorchReference.SchedulerCase;

/**
 * Saving and resuming a scheduler with its optimizer: 1000 epochs, both states taken, fresh
 * optimizer and scheduler restored, 1000 more, equals 2000 straight, bit for bit. The
 * plateau scheduler is fed its reference metrics over and over.
 */
class SchedulerStateTest {

  static List<SchedulerCase> cases() {
    return TorchReference.schedulerCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void resumingChangesNothing(SchedulerCase reference) {
    double[] straight = lrs(reference, 0, 2000, null, null);

    Optimizer optimizer = sgd(reference);
    LrScheduler scheduler = Schedulers.create(reference.scheduler(), reference.args(), optimizer);
    double[] firstHalf = new double[1000];
    for (int epoch = 0; epoch < 1000; epoch++) {
      scheduler.step(metric(reference, epoch));
      firstHalf[epoch] = optimizer.learningRate();
    }
    double[] secondHalf = lrs(reference, 1000, 2000, optimizer.state(), scheduler.state());

    for (int epoch = 0; epoch < 2000; epoch++) {
      double resumed = epoch < 1000 ? firstHalf[epoch] : secondHalf[epoch - 1000];
      assertThat(resumed).isEqualTo(straight[epoch]);
    }
  }

  /** The lrs after epochs [from, to), from fresh objects restored to the given states. */
  private static double[] lrs(
      SchedulerCase reference, int from, int to, OptimizerState optimizerState,
      Map<String, Double> schedulerState) {
    Optimizer optimizer = sgd(reference);
    if (optimizerState != null) {
      optimizer.restore(optimizerState);
    }
    // Made after the optimizer's restore, as a resuming trainer would: the scheduler's own
    // state must then correct what it read from the optimizer (CosineAnnealingLR's base lr).
    LrScheduler scheduler = Schedulers.create(reference.scheduler(), reference.args(), optimizer);
    if (schedulerState != null) {
      scheduler.restore(schedulerState);
    }
    double[] lrs = new double[to - from];
    for (int epoch = from; epoch < to; epoch++) {
      scheduler.step(metric(reference, epoch));
      lrs[epoch - from] = optimizer.learningRate();
    }
    return lrs;
  }

  private static Optimizer sgd(SchedulerCase reference) {
    return Optimizers.create("SGD", 1, Map.of("lr", Double.toString(reference.lr())));
  }

  private static double metric(SchedulerCase reference, int epoch) {
    double[] metrics = reference.metrics();
    return metrics == null ? Double.NaN : metrics[epoch % metrics.length];
  }

  @Test
  void refusesTheStateOfAnotherScheduler() {
    Optimizer sgd = Optimizers.create("SGD", 1, Map.of());
    Map<String, Double> step = Schedulers.create("StepLR", Map.of("step_size", "3"), sgd).state();
    LrScheduler cosine = Schedulers.create("CosineAnnealingLR", Map.of("T_max", "10"), sgd);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> cosine.restore(step));
    assertThat(error)
        .hasMessageThat()
        .isEqualTo(
            "CosineAnnealingLR state has no value 'base_lr'; it was taken from another"
                + " scheduler");
  }
}
