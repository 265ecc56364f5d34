package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Dataset;

/**
 * A fit's memory does not grow with its epochs: a budget of 2,000,000,000 epochs with early
 * stopping runs in about the memory of a 5,000-epoch fit, its history keeping at most {@link
 * History#CAPACITY} entries, every 2^k-th epoch, each the loss of its epoch.
 */
class BoundedHistoryTest {
  private static final Dataset DATA = TestData.line(20);
  private static final int PATIENCE = 20_000; // far beyond the capacity: the fit runs long

  private static TrainerOptions.Builder options(int epochs) {
    return TrainerOptions.builder().epochs(epochs).validationFraction(0.25)
        .earlyStopping(PATIENCE);
  }

  private static TrainingResult fit(TrainerOptions.Builder options) {
    return new Trainer(options.build())
        .fit(LinearModel.xy(), DATA, new double[] {0.5, 0}, new PlainSgd(0.1));
  }

  @Test
  void aHugeBudgetKeepsABoundedThinnedHistory() {
    List<double[]> seen = new ArrayList<>(); // {train, val} of every epoch, from a listener
    TrainingResult result = fit(options(2_000_000_000)
        .listener(report -> seen.add(new double[] {report.trainLoss(), report.valLoss()})));

    assertThat(result.stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
    assertThat(result.epochs()).isGreaterThan(History.CAPACITY);
    History history = result.history();
    assertThat(history.size()).isAtMost(History.CAPACITY);
    assertThat(history.size()).isAtLeast(History.CAPACITY / 2);
    assertThat(history.stride()).isGreaterThan(1);
    // Entry i is epoch 1 + i * stride, and holds that epoch's losses exactly.
    for (int i = 0; i < history.size(); i++) {
      int epoch = history.epoch(i);
      assertThat(epoch).isEqualTo(1 + i * history.stride());
      assertThat(history.trainLoss(epoch)).isEqualTo(seen.get(epoch - 1)[0]);
      assertThat(history.valLoss(epoch)).isEqualTo(seen.get(epoch - 1)[1]);
    }
    // The last kept entry is within one stride of the end.
    assertThat(result.epochs() - history.epoch(history.size() - 1))
        .isLessThan(history.stride());
  }

  @Test
  void aFitWithinTheCapacityKeepsEveryEpoch() {
    TrainingResult result = fit(options(5000));
    assertThat(result.history().stride()).isEqualTo(1);
    assertThat(result.history().size()).isEqualTo(5000);
  }

  @Test
  void aHugeBudgetAllocatesAboutWhatAFiveThousandEpochFitDoes() {
    var mx = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
    var counter = (com.sun.management.ThreadMXBean) mx;
    Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported());
    counter.setThreadAllocatedMemoryEnabled(true);
    long thread = Thread.currentThread().getId();
    for (int warm = 0; warm < 2; warm++) { // loads and compiles what both fits run
      fit(options(5000));
      fit(options(2_000_000_000));
    }
    long before = counter.getThreadAllocatedBytes(thread);
    fit(options(5000));
    long small = counter.getThreadAllocatedBytes(thread) - before;
    before = counter.getThreadAllocatedBytes(thread);
    TrainingResult huge = fit(options(2_000_000_000));
    long large = counter.getThreadAllocatedBytes(thread) - before;

    assertThat(huge.epochs()).isGreaterThan(2 * History.CAPACITY);
    // Two arrays of 8192 doubles against two of 5000: well under twice the small fit's bytes.
    assertWithMessage("bytes of the 2e9-epoch fit against the 5000-epoch fit's %s", small)
        .that(large).isLessThan(2 * small);
  }
}
