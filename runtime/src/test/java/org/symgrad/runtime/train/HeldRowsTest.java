package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HeldRows} holds out exactly the first entries of {@link Split#permutation}, the
 * definition, and deals every row to its part in row order.
 */
class HeldRowsTest {

  @Test
  void theRowsAreTheFirstOfThePermutationForManySizesFractionsAndSeeds() {
    Random cases = new Random(2026);
    for (int n = 0; n < 300; n++) {
      int rows = 2 + cases.nextInt(n < 200 ? 40 : 5000);
      int held = 1 + cases.nextInt(rows - 1);
      long seed = cases.nextLong();
      assertThat(HeldRows.of(rows, held, seed).indices())
          .isEqualTo(firstOfPermutation(rows, held, seed));
    }
  }

  @Test
  void largeSizesMatchThePermutation() {
    // Sizes past 2^16, powers of two among them, seeds whose draws are rejected and drawn again.
    Random cases = new Random(18);
    for (int n = 0; n < 12; n++) {
      int rows = (1 << 16) - 300 + cases.nextInt(n < 6 ? 1000 : 300_000);
      int held = 1 + cases.nextInt(rows - 1);
      long seed = cases.nextLong();
      assertThat(HeldRows.of(rows, held, seed).indices())
          .isEqualTo(firstOfPermutation(rows, held, seed));
    }
    for (int rows : new int[] {1 << 17, (1 << 17) + 1, (1 << 18) + 5}) {
      assertThat(HeldRows.of(rows, 3, rows).indices())
          .isEqualTo(firstOfPermutation(rows, 3, rows));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 8, 1024, 4097})
  void powerOfTwoBoundsAndTheirNeighbours(int rows) {
    for (int held = 1; held < rows; held = held * 2 + 1) {
      assertThat(HeldRows.of(rows, held, 5).indices())
          .isEqualTo(firstOfPermutation(rows, held, 5));
    }
  }

  @Test
  void aMillionRowsMatchThePermutation() {
    // About 100 draws here are rejected by nextInt(bound) and drawn again.
    int rows = 1_000_000;
    assertThat(HeldRows.of(rows, rows / 5, 0).indices())
        .isEqualTo(firstOfPermutation(rows, rows / 5, 0));
  }

  @Test
  void dealingKeepsEveryRowInItsPartInRowOrder() {
    Random cases = new Random(7);
    for (int n = 0; n < 200; n++) {
      int rows = 2 + cases.nextInt(300);
      int held = 1 + cases.nextInt(rows - 1);
      HeldRows chosen = HeldRows.of(rows, held, n);
      double[] column = new double[rows];
      for (int r = 0; r < rows; r++) {
        column[r] = cases.nextGaussian();
      }
      double[] train = new double[rows - held];
      double[] validation = new double[held];

      chosen.deal(column, train, validation);

      int[] heldOut = chosen.indices();
      assertThat(validation).isEqualTo(Arrays.stream(heldOut).mapToDouble(r -> column[r])
          .toArray());
      assertThat(train).isEqualTo(Arrays.stream(complement(heldOut, rows))
          .mapToDouble(r -> column[r]).toArray());

      double[] train2 = new double[rows - held];
      double[] validation2 = new double[held];
      int[] recorded = new int[held];
      chosen.deal(column, train2, validation2, recorded);
      assertThat(recorded).isEqualTo(heldOut);
      assertThat(train2).isEqualTo(train);
      assertThat(validation2).isEqualTo(validation);
    }
  }

  @Test
  void dealingWhenTheLastRowsAreAllOfOnePart() {
    // 3 of 4 rows held out: whichever part ends the data, the one-part tail is copied whole.
    for (long seed = 0; seed < 20; seed++) {
      HeldRows chosen = HeldRows.of(4, 3, seed);
      double[] train = new double[1];
      double[] validation = new double[3];
      chosen.deal(new double[] {10, 11, 12, 13}, train, validation);
      int[] heldOut = chosen.indices();
      assertThat(train[0]).isEqualTo(10.0 + complement(heldOut, 4)[0]);
      assertThat(validation).isEqualTo(Arrays.stream(heldOut).mapToDouble(r -> 10.0 + r)
          .toArray());
      int[] recorded = new int[3];
      chosen.deal(new double[] {10, 11, 12, 13}, train, validation, recorded);
      assertThat(recorded).isEqualTo(heldOut);
    }
  }

  private static int[] firstOfPermutation(int rows, int held, long seed) {
    int[] first = Arrays.copyOf(Split.permutation(rows, seed), held);
    Arrays.sort(first);
    return first;
  }

  private static int[] complement(int[] ascending, int rows) {
    int[] rest = new int[rows - ascending.length];
    int k = 0;
    int a = 0;
    for (int r = 0; r < rows; r++) {
      if (a < ascending.length && ascending[a] == r) {
        a++;
      } else {
        rest[k++] = r;
      }
    }
    return rest;
  }
}
