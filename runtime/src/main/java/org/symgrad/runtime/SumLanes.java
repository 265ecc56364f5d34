package org.symgrad.runtime;

/**
 * The lanes of a row sum, for compiled kernels that keep their sums in an array: every kernel
 * adds the rows of a pass {@code [from, to)} in one order, whatever runs it (scalar or vector,
 * one thread or several), so that all give the same bits. Row {@code from + 8g + k} of a whole
 * group of {@value #LANES} rows goes to lane {@code k}; the rows after the last whole group go
 * to lane 0; each lane adds its rows in row order from +0; {@link #total} adds the lanes in a
 * fixed tree. Lane {@code k} of sum {@code i} is element {@code 8 * i + k} of the array.
 */
public final class SumLanes {
  /** Lanes per sum: the two 256-bit vectors of doubles of a vector kernel's step. */
  public static final int LANES = 8;

  private SumLanes() {}

  /** The lane row {@code row} of the pass {@code [from, to)} is added to. */
  public static int lane(int row, int from, int to) {
    int lane = (row - from) & (LANES - 1);
    return row - lane <= to - LANES ? lane : 0;
  }

  /**
   * The sum whose lanes are {@code lanes[at]} to {@code lanes[at + 7]}: {@code ((l0 + l4) + (l1
   * + l5)) + ((l2 + l6) + (l3 + l7))}, as a vector kernel adds its two vectors' lanes.
   */
  public static double total(double[] lanes, int at) {
    return ((lanes[at] + lanes[at + 4]) + (lanes[at + 1] + lanes[at + 5]))
        + ((lanes[at + 2] + lanes[at + 6]) + (lanes[at + 3] + lanes[at + 7]));
  }
}
