package org.symgrad.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of named numeric columns, stored column by column.
 *
 * <p>Immutable: the constructor copies what it is given and accessors never hand out the
 * stored arrays, except {@link #batchFor}, whose batch kernels only read.
 */
public final class Dataset {
  private final List<String> names;
  private final double[][] columns;
  private final int rows;

  /** A data set of {@code columns[i]} named {@code names.get(i)}, all of one length. */
  public Dataset(List<String> names, double[][] columns) {
    if (names.size() != columns.length) {
      throw new IllegalArgumentException(
          names.size() + " column names for " + columns.length + " columns");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("duplicate column name in " + names);
    }
    this.names = List.copyOf(names);
    this.columns = new double[columns.length][];
    this.rows = columns.length == 0 ? 0 : columns[0].length;
    for (int c = 0; c < columns.length; c++) {
      if (columns[c].length != rows) {
        throw new IllegalArgumentException(
            "column '" + names.get(c) + "' has " + columns[c].length + " rows, expected " + rows);
      }
      this.columns[c] = columns[c].clone();
    }
  }

  /** The column names, in file order. */
  public List<String> names() {
    return names;
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** Whether a column of this name exists. */
  public boolean has(String name) {
    return names.contains(name);
  }

  /** A copy of the named column. */
  public double[] column(String name) {
    return columns[indexOf(name)].clone();
  }

  /**
   * The rows at {@code indices}, in that order, as a new data set.
   *
   * @throws IllegalArgumentException naming the first index that is not a row of this data
   */
  public Dataset select(int[] indices) {
    int rows = rows();
    for (int r = 0; r < indices.length; r++) {
      if (indices[r] < 0 || indices[r] >= rows) {
        throw new IllegalArgumentException("indices[" + r + "] = " + indices[r]
            + " is not a row of this data (" + (rows == 0 ? "it has none"
            : "rows 0.." + (rows - 1)) + ")");
      }
    }
    double[][] picked = new double[columns.length][indices.length];
    for (int c = 0; c < columns.length; c++) {
      for (int r = 0; r < indices.length; r++) {
        picked[c][r] = columns[c][indices[r]];
      }
    }
    return new Dataset(names, picked);
  }

  /**
   * The columns {@code model} reads, in its order: its inputs, then its target when {@code
   * withTarget}.
   *
   * @throws IllegalArgumentException naming the missing columns and the ones there are
   */
  public Batch batchFor(ModelInfo model, boolean withTarget) {
    List<String> wanted = new ArrayList<>(model.inputColumns());
    if (withTarget) {
      wanted.add(model.target());
    }
    List<String> missing = wanted.stream().filter(name -> !has(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
              + "; the data has " + String.join(", ", names));
    }
    double[][] ordered = new double[wanted.size()][];
    for (int c = 0; c < ordered.length; c++) {
      ordered[c] = columns[indexOf(wanted.get(c))];
    }
    return Batch.of(ordered, rows);
  }

  private int indexOf(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "no column '" + name + "'; the data has " + String.join(", ", names));
    }
    return index;
  }

  @Override
  public String toString() {
    return "Dataset" + names + " × " + rows + " rows" + (rows > 0 ? " " + Arrays.toString(
        Arrays.stream(columns).mapToDouble(col -> col[0]).toArray()) + "…" : "");
  }
}
