package org.symgrad.runtime;

/**
 * The order of a row sum, which every compiled kernel follows (scalar or vector, one thread or
 * several, bytecode or generated source) so that all give the same bits. For a pass over the
 * rows {@code [from, to)} (one kernel call; a chunk of a chunked pass is a pass of its own):
 *
 * <ul>
 *   <li>a <em>short</em> pass, fewer than {@value #SHORT} rows, adds its rows in row order into
 *       one partial from +0, which is the sum: no lanes, no tree;
 *   <li>a longer pass deals row {@code from + 8g + k} of each whole group of {@value #LANES}
 *       rows to lane {@code k}, and the rows after the last whole group to lane 0; each lane
 *       adds its rows in row order from +0; {@link #total} adds the lanes in a fixed tree.
 * </ul>
 *
 * <p>A short pass is the same as all its rows in lane 0: the other lanes are +0 and a sum from
 * +0 is never -0, so the tree returns lane 0 unchanged. So a kernel that keeps its lanes in an
 * array, lane {@code k} of sum {@code i} at element {@code 8 * i + k}, follows both rules with
 * {@link #lane} and {@link #total} alone.
 */
public final class SumLanes {
  /** Lanes per sum: the two 256-bit vectors of doubles of a vector kernel's step. */
  public static final int LANES = 8;

  /**
   * Passes of fewer rows are added in plain row order: below it the lanes' set-up and tree
   * cost more than they save (measured on the thermometer, where a vector loop pays from 24
   * rows on and eight scalar lanes from about 128: docs/generated-code.md).
   */
  public static final int SHORT = 24;

  private SumLanes() {}

  /** Whether the pass {@code [from, to)} is short: its rows in order, in one partial. */
  public static boolean isShort(int from, int to) {
    return to - from < SHORT;
  }

  /** The lane row {@code row} of the pass {@code [from, to)} is added to. */
  public static int lane(int row, int from, int to) {
    if (to - from < SHORT) {
      return 0;
    }
    int lane = (row - from) & (LANES - 1);
    return row - lane <= to - LANES ? lane : 0;
  }

  /**
   * The end of the whole groups of 8 of the pass {@code [from, to)}: the rows before it go to
   * their lanes, the rows from it on to lane 0; {@code from} for a short pass.
   */
  public static int groupsEnd(int from, int to) {
    return to - from < SHORT ? from : to - ((to - from) & (LANES - 1));
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
