package org.symgrad.runtime.parallel;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every task runs exactly once, whatever the thread count, and failures reach the caller. */
class ParallelTasksTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void runsEveryTaskOnceBeforeReturning(int threads) {
    for (int round = 0; round < 200; round++) {
      int count = 1 + round % 9;
      AtomicIntegerArray runs = new AtomicIntegerArray(count);
      ParallelTasks.run(threads, count, runs::incrementAndGet);
      for (int i = 0; i < count; i++) {
        assertThat(runs.get(i)).isEqualTo(1);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void aTasksExceptionIsThrownToTheCallerAfterTheOthersRan(int threads) {
    AtomicIntegerArray runs = new AtomicIntegerArray(5);
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> ParallelTasks.run(threads, 5, i -> {
          runs.incrementAndGet(i);
          if (i == 3) {
            throw new IllegalStateException("task 3");
          }
        }));
    assertThat(thrown).hasMessageThat().isEqualTo("task 3");
    for (int i = 0; i < (threads == 1 ? 4 : 5); i++) {
      assertThat(runs.get(i)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void anErrorStaysAnError(int threads) {
    OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class,
        () -> ParallelTasks.run(threads, 3, i -> {
          if (i == 1) {
            throw new OutOfMemoryError("task 1");
          }
        }));
    assertThat(thrown).hasMessageThat().isEqualTo("task 1");
  }
}
