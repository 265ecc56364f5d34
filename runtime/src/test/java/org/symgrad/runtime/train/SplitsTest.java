package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;

class SplitsTest {
  private static final ModelInfo MODEL =
      new ModelInfo("m", "x", "mse", List.of(), List.of("x"), "y", 1);

  private static Dataset rows(int count) {
    double[][] columns = new double[2][count];
    for (int r = 0; r < count; r++) {
      columns[0][r] = r;
      columns[1][r] = -r;
    }
    return new Dataset(List.of("x", "y"), columns);
  }

  @Test
  void holdsOutTheRowsTheTrainersSplitHoldsOut() {
    for (int count : new int[] {5, 11, 1000, 4097}) {
      for (long seed : new long[] {0, 7, -3}) {
        int[] expected = Split.of(rows(count), MODEL, 0.2, seed).validationRows();

        assertThat(Splits.validationRows(count, 0.2, seed)).isEqualTo(expected);
      }
    }
  }

  @Test
  void noFractionHoldsOutNothingAndImpossibleOnesAreRefusedAsTheTrainerRefusesThem() {
    assertThat(Splits.validationRows(10, 0.0, 1)).isEmpty();
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Splits.validationRows(3, 0.2, 0));
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> Splits.validationRows(0, 0.2, 0));

    assertThat(none).hasMessageThat().isEqualTo("validation fraction 0.2 of 3 rows selects no "
        + "validation row; use 0 for none, or a larger fraction");
    assertThat(empty).hasMessageThat().isEqualTo("the data has no rows");
  }
}
