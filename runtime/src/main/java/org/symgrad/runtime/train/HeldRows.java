package org.symgrad.runtime.train;

/**
 * The rows a split holds out for validation, exactly the first {@code held} entries of {@link
 * Split#permutation}, found in a fraction of its time, and the pass that deals a column's rows
 * to the two parts.
 *
 * <p>Why it is the same set: Fisher–Yates fixes position {@code i} at step {@code i}, from the
 * last down; once the steps down to {@code i = held} are done, the later ones only reorder
 * positions {@code [0, held)}, so their contents are already the validation rows, and the
 * remaining draws are not made. The draws are {@link java.util.Random}'s, whose generator and
 * {@code nextInt(bound)} its javadoc specifies, computed here in a local variable instead of
 * through the generator's atomic seed (a compare-and-set a draw). A position's row is stored
 * as {@code row ^ position}, so that the array as allocated, all zeros, is the identity and
 * needs no pass of its own. {@code HeldRowsTest} checks all of it against the permutation.
 */
final class HeldRows {
  // java.util.Random's linear congruential generator, as its javadoc specifies it.
  static final long MULTIPLIER = 0x5DEECE66DL;
  static final long ADDEND = 0xBL;
  static final long MASK = (1L << 48) - 1;

  private final byte[] held; // 1 for a validation row, 0 for a training row
  private final int count;
  private final int mixedEnd; // from this row on, every row belongs to the same part

  private HeldRows(byte[] held, int count) {
    this.held = held;
    this.count = count;
    int r = held.length - 1;
    byte lastPart = held[r];
    while (r >= 0 && held[r] == lastPart) {
      r--;
    }
    this.mixedEnd = r + 1;
  }

  /** The first {@code held} (at least 1) rows of {@code Split.permutation(rows, seed)}. */
  static HeldRows of(int rows, int held, long seed) {
    int[] moved = new int[rows]; // the row at position k is moved[k] ^ k
    long state = (Seeds.derive(seed, Seeds.SPLIT, 0) ^ MULTIPLIER) & MASK; // new Random(s)
    for (int i = rows - 1; i >= held; i--) {
      // j = nextInt(i + 1)
      state = (state * MULTIPLIER + ADDEND) & MASK;
      int bits = (int) (state >>> 17); // next(31)
      int bound = i + 1;
      int j;
      if ((bound & i) == 0) {
        j = (int) ((bound * (long) bits) >> 31);
      } else {
        while (bits - (j = bits % bound) + i < 0) {
          state = (state * MULTIPLIER + ADDEND) & MASK;
          bits = (int) (state >>> 17);
        }
      }
      // Swap positions i and j. Position i is final from here on, a training row that is
      // never read again, so only j is written.
      moved[j] = moved[i] ^ i ^ j;
    }
    byte[] marks = new byte[rows];
    for (int k = 0; k < held; k++) {
      marks[moved[k] ^ k] = 1;
    }
    return new HeldRows(marks, held);
  }

  /** The held-out rows, ascending. */
  int[] indices() {
    int[] indices = new int[count];
    int v = 0;
    for (int r = 0; v < count; r++) {
      indices[v] = r; // kept only when row r is held out
      v += held[r];
    }
    return indices;
  }

  /**
   * {@link #deal}, also writing the held-out rows' indices, ascending, to {@code heldRows}: the
   * same pass, so the split gets them without a sweep of its own.
   */
  void deal(double[] from, double[] train, double[] validation, int[] heldRows) {
    int t = 0;
    int v = 0;
    for (int r = 0; r < mixedEnd; r++) {
      double x = from[r];
      int h = held[r];
      train[t] = x;
      validation[v] = x;
      heldRows[v] = r;
      t += 1 - h;
      v += h;
    }
    copyRest(from, train, t, validation, v);
    for (int r = mixedEnd; v < count; r++) {
      heldRows[v++] = r;
    }
  }

  /**
   * Copies column {@code from}'s training rows to {@code train} and its held-out rows to
   * {@code validation}, each in row order. Without a branch a row: which part a row goes to is
   * random, so a branch would be mispredicted on about one row in five.
   */
  void deal(double[] from, double[] train, double[] validation) {
    int t = 0;
    int v = 0;
    for (int r = 0; r < mixedEnd; r++) {
      double x = from[r];
      int h = held[r];
      // Both parts have a row at or after r, so both stores are in bounds; the part the row
      // does not belong to overwrites its store with its next row.
      train[t] = x;
      validation[v] = x;
      t += 1 - h;
      v += h;
    }
    copyRest(from, train, t, validation, v);
  }

  /** Copies the rows from {@code mixedEnd} on, all of one part, after the first t or v. */
  private void copyRest(double[] from, double[] train, int t, double[] validation, int v) {
    int rest = held.length - mixedEnd;
    if (t < train.length) {
      System.arraycopy(from, mixedEnd, train, t, rest);
    } else {
      System.arraycopy(from, mixedEnd, validation, v, rest);
    }
  }
}
