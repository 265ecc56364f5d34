package org.symgrad.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import org.junit.jupiter.api.Test;

/**
 * {@link SumLanes} places rows as its definition says: a short pass entirely in lane 0, a
 * longer one in lane {@code (row - from) % 8} up to the end of its whole groups, lane 0 after.
 */
class SumLanesTest {
  @Test
  void aShortPassAddsEveryRowToLaneZero() {
    for (int from : new int[] {0, 5, 4096}) {
      for (int rows = 0; rows < SumLanes.SHORT; rows++) {
        int to = from + rows;
        assertThat(SumLanes.isShort(from, to)).isTrue();
        assertThat(SumLanes.groupsEnd(from, to)).isEqualTo(from);
        for (int row = from; row < to; row++) {
          assertWithMessage("row %s of [%s, %s)", row, from, to)
              .that(SumLanes.lane(row, from, to)).isEqualTo(0);
        }
      }
    }
  }

  @Test
  void aLongerPassDealsItsWholeGroupsToTheLanesAndTheRestToLaneZero() {
    for (int from : new int[] {0, 3, 4096}) {
      for (int rows = SumLanes.SHORT; rows < SumLanes.SHORT + 20; rows++) {
        int to = from + rows;
        int groupsEnd = from + rows / 8 * 8;
        assertThat(SumLanes.isShort(from, to)).isFalse();
        assertThat(SumLanes.groupsEnd(from, to)).isEqualTo(groupsEnd);
        for (int row = from; row < to; row++) {
          int expected = row < groupsEnd ? (row - from) % 8 : 0;
          assertWithMessage("row %s of [%s, %s)", row, from, to)
              .that(SumLanes.lane(row, from, to)).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void theShortPassIsAMultipleOfTheLanes() {
    assertThat(SumLanes.SHORT % SumLanes.LANES).isEqualTo(0);
  }

  @Test
  void totalAddsTheLanesInTheFixedTree() {
    // Lanes 0 to 7 from element 1: ((1e16 - 1e16) + (1 + 0)) + ((0 + 0) + (1 + 99)) = 101,
    // where adding them in lane order would lose a 1 to rounding (1e16 + 1 == 1e16): 99.
    double[] lanes = {7, 1e16, 1, 0, 1, -1e16, 0, 0, 99};
    assertThat(SumLanes.total(lanes, 1)).isEqualTo(101.0);
    assertThat(SumLanes.total(new double[] {-0.0, 0, 0, 0, 0, 0, 0, 0}, 0)).isEqualTo(0.0);
  }
}
