package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optim;

/**
 * An epoch allocates nothing: two fits that differ only in their epoch budget differ in the
 * bytes they allocate by their loss histories alone (8 bytes an epoch, which the result
 * keeps), on the one fused loop and on the chunked pass alike. Measured with the JVM's
 * per-thread counter on the fit's thread (the chunk workers allocate nothing either, which
 * the JMH benchmark {@code ParallelBench} shows with {@code -prof gc}).
 */
class EpochAllocationTest {

  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {0, 1, 2}) // 0: no count set, the one fused loop
  void epochsAllocateOnlyTheirHistory(int threads) {
    var mx = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
    var counter = (com.sun.management.ThreadMXBean) mx;
    Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported());
    counter.setThreadAllocatedMemoryEnabled(true);
    Dataset data = TestData.line(threads == 0 ? 11 : 10_000);

    for (int warm = 0; warm < 5; warm++) {
      allocated(counter, data, threads, 1000);
      allocated(counter, data, threads, 3000);
    }
    long extra = allocated(counter, data, threads, 3000) - allocated(counter, data, threads, 1000);
    // 2000 more epochs: 16 000 bytes of history. The slack is under a byte an epoch, while the
    // smallest object is 16 bytes: room for one-off JIT or counter bytes, none for an epoch's.
    assertWithMessage("bytes of 2000 more epochs").that(extra).isLessThan(16_000L + 2000);
  }

  private static long allocated(
      com.sun.management.ThreadMXBean counter, Dataset data, int threads, int epochs) {
    TrainerOptions.Builder options = TrainerOptions.builder().epochs(epochs).validationFraction(0);
    if (threads > 0) {
      options.threads(threads);
    }
    Trainer trainer = new Trainer(options.build());
    long thread = Thread.currentThread().getId();
    long before = counter.getThreadAllocatedBytes(thread);
    trainer.fit(new ChunkedLinearModel(), data, new double[] {0.5, 0.0},
        Optim.sgd().lr(1e-3).create(2));
    return counter.getThreadAllocatedBytes(thread) - before;
  }
}
