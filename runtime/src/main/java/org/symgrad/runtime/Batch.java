package org.symgrad.runtime;

import java.util.Objects;

/**
 * Rows as a model reads them: one {@code double[]} per column, in the model's own order
 * (its inputs as declared, then its target). Built once per data set by {@link
 * Dataset#batchFor}, so kernels never look a column up by name.
 *
 * <p>The arrays are shared, not copied: a batch is a view for kernels, not a value.
 */
public final class Batch {
  private final double[][] columns;
  private final int size;

  private Batch(double[][] columns, int size) {
    this.columns = columns;
    this.size = size;
  }

  /** Wraps columns that all hold at least {@code size} rows. */
  public static Batch of(double[][] columns, int size) {
    Objects.requireNonNull(columns, "columns");
    if (size < 0) {
      throw new IllegalArgumentException("batch size " + size + " is negative");
    }
    for (int c = 0; c < columns.length; c++) {
      if (columns[c].length < size) {
        throw new IllegalArgumentException(
            "column " + c + " holds " + columns[c].length + " rows, the batch needs " + size);
      }
    }
    return new Batch(columns, size);
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** The number of columns. */
  public int width() {
    return columns.length;
  }

  /**
   * Column {@code index} in model order; kernels read it directly.
   *
   * @throws IllegalArgumentException when the batch has no such column: most often a batch of
   *     inputs alone handed to {@code loss} or {@code lossAndGradient}, which read the target
   */
  public double[] column(int index) {
    if (index >= columns.length) {
      // Without this, a model's kernel failed with "Index 1 out of bounds for length 1".
      throw missing(index, columns.length);
    }
    return columns[index];
  }

  // Out of line: every kernel call reads its columns here, so this stays a compare and a load.
  private static IllegalArgumentException missing(int index, int width) {
    return new IllegalArgumentException("the model reads column " + index + " of a batch of "
        + width + (width == 1 ? " column" : " columns") + ": a batch holds the model's inputs, "
        + "then the target for loss and lossAndGradient; make it with "
        + "Dataset.batchFor(model.info(), true)");
  }
}
