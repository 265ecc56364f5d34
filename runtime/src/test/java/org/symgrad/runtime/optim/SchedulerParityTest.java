package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.runtime.optim.TorchReference.SchedulerCase;

/**
 * Every scheduler configuration against the 30-epoch lr sequence PyTorch 1.13 recorded for it
 * (torch/schedulers.tsv), compared exactly: the schedules are a few multiplications and
 * cosines, so any difference is a different formula, not rounding.
 */
class SchedulerParityTest {

  static List<SchedulerCase> cases() {
    return TorchReference.schedulerCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTorchBitForBit(SchedulerCase reference) {
    Optimizer optimizer =
        Optimizers.create("SGD", 1, Map.of("lr", Double.toString(reference.lr())));
    LrScheduler scheduler = Schedulers.create(reference.scheduler(), reference.args(), optimizer);
    assertThat(scheduler.name()).isEqualTo(reference.scheduler());

    double[] lrs = new double[reference.lrs().length];
    lrs[0] = optimizer.learningRate();
    for (int epoch = 1; epoch < lrs.length; epoch++) {
      scheduler.step(reference.metrics() == null ? Double.NaN : reference.metrics()[epoch - 1]);
      lrs[epoch] = optimizer.learningRate();
    }
    // isEqualTo on double[] compares with Arrays.equals: bit for bit.
    assertThat(lrs).isEqualTo(reference.lrs());
  }

  @Test
  void everySchedulerAndOptionHasAReferenceRun() {
    for (String name : Schedulers.registry().names()) {
      Set<String> covered =
          cases().stream()
              .filter(c -> c.scheduler().equals(name))
              .flatMap(c -> c.args().keySet().stream())
              .collect(Collectors.toSet());
      assertWithMessage(name + " options without a torch reference")
          .that(covered)
          .containsExactlyElementsIn(Schedulers.options(name).keySet());
    }
  }
}
