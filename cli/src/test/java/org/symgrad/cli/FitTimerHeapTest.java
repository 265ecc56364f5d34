package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link FitTimer#touchHeap} goes through the young generation twice (two collections) or as
 * much memory as the heap has committed, so that the timed rounds' loss histories land on pages
 * already touched: counted with the collectors' own counts and the thread's allocation counter,
 * which a JIT that dropped the arrays would leave short.
 */
class FitTimerHeapTest {
  @Test
  void runsTheCollectorTwiceOrAllocatesTheCommittedHeap() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
    assumeTrue(counter.isThreadAllocatedMemorySupported()
        && counter.isThreadAllocatedMemoryEnabled());
    long thread = Thread.currentThread().getId();
    long committed = Runtime.getRuntime().totalMemory();

    long collections = FitTimer.collections();
    long before = counter.getThreadAllocatedBytes(thread);
    FitTimer.touchHeap();
    long allocated = counter.getThreadAllocatedBytes(thread) - before;

    assertThat(allocated).isGreaterThan(0L);
    if (FitTimer.collections() < collections + 2) {
      assertThat(allocated).isAtLeast(committed);
    }
  }
}
