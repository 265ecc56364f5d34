package org.symgrad.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * One row of a group as it crosses the shuffle: its place in the input and its values, with
 * no schema (a Spark {@code Row} carries its schema through Java serialisation, which costs
 * more than the numbers).
 *
 * @param order the row's place in the input ({@code monotonically_increasing_id})
 * @param values the model's columns, in kernel order; 0 where a value is empty
 * @param empty which values are empty, or null when none is
 */
record GroupRow(long order, double[] values, boolean @Nullable [] empty) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** From a row of {@code (key, order, value…)}. */
  static GroupRow of(Row row) {
    double[] values = new double[row.size() - 2];
    boolean[] empty = null;
    for (int c = 0; c < values.length; c++) {
      if (row.isNullAt(c + 2)) {
        empty = empty == null ? new boolean[values.length] : empty;
        empty[c] = true;
      } else {
        values[c] = row.getDouble(c + 2);
      }
    }
    return new GroupRow(row.getLong(1), values, empty);
  }

  boolean isEmpty(int column) {
    return empty != null && empty[column];
  }
}
