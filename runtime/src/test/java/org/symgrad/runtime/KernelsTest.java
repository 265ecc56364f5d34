package org.symgrad.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link Kernels}' checks take the lengths a model's methods need and refuse the others with a
 * message naming the argument, its length and the length it needs. (Every emitted method
 * calling them is {@code ArgumentChecksTest}'s, in the compiler.)
 */
class KernelsTest {
  @Test
  void paramsAndGradMustHoldExactlyTheModelsValues() {
    Kernels.checkParams(new double[2], 2);
    Kernels.checkGrad(new double[0], 0);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Kernels.checkParams(new double[3], 2))).hasMessageThat().isEqualTo(
        "params has 3 values; the model takes 2, its parameters as info().parameters() lays "
            + "them out");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Kernels.checkGrad(new double[1], 2))).hasMessageThat()
        .isEqualTo("grad has 1 value; the model's gradient has 2");
  }

  @Test
  void outAndSumsMayBeLongerThanTheyNeedToBe() {
    Kernels.checkOut(new double[12], 4, 3);
    Kernels.checkOut(new double[20], 4, 3);
    Kernels.checkOut(new double[0], 0, 3);
    Kernels.checkSums(new double[5], 3);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Kernels.checkOut(new double[11], 4, 3))).hasMessageThat()
        .isEqualTo("out has 11 values; predict writes 12: 4 rows of 3 outputs");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Kernels.checkSums(new double[1], 3))).hasMessageThat()
        .isEqualTo("sums has 1 value; the model's chunked passes take 3, sumCount()");
  }

  // rows * outputs past Integer.MAX_VALUE is counted as a long, not wrapped to a small number.
  @Test
  void aChunkMustBeRowsOfItsBatch() {
    Batch batch = Batch.of(new double[][] {new double[5]}, 5);
    Kernels.checkRows(0, 5, batch);
    Kernels.checkRows(2, 2, batch);
    for (int[] range : new int[][] {{0, 6}, {-1, 3}, {4, 3}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Kernels.checkRows(range[0], range[1], batch));
      assertThat(e).hasMessageThat().isEqualTo("rows from " + range[0] + " to " + range[1]
          + " are not a chunk of the batch's 5 rows: 0 <= from <= to <= 5");
    }
    assertThat(assertThrows(NullPointerException.class, () -> Kernels.checkRows(0, 1, null)))
        .hasMessageThat().isEqualTo("batch is null");
  }

  @Test
  void anOutputCountPastAnIntIsNotWrapped() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Kernels.checkOut(new double[8], 1 << 30, 4))).hasMessageThat()
        .isEqualTo("out has 8 values; predict writes 4294967296: 1073741824 rows of 4 outputs");
  }

  @Test
  void aNullArrayIsNamed() {
    assertThat(assertThrows(NullPointerException.class, () -> Kernels.checkParams(null, 2)))
        .hasMessageThat().isEqualTo("params is null");
    assertThat(assertThrows(NullPointerException.class, () -> Kernels.checkOut(null, 0, 1)))
        .hasMessageThat().isEqualTo("out is null");
    assertThat(assertThrows(NullPointerException.class, () -> Kernels.checkSums(null, 1)))
        .hasMessageThat().isEqualTo("sums is null");
  }
}
