package org.symgrad.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.symgrad.runtime.ModelInfo;

/**
 * The data columns a model reads, checked against a DataFrame's schema on the driver before
 * any task runs, so that a missing or non-numeric column is one clear message and not a
 * failed task per partition.
 */
final class InputColumns {
  private InputColumns() {}

  /** The model's inputs in kernel order, then its target when {@code withTarget}. */
  static List<String> of(ModelInfo info, boolean withTarget) {
    List<String> names = new ArrayList<>(info.inputColumns());
    if (withTarget) {
      names.add(info.target());
    }
    return List.copyOf(names);
  }

  /**
   * Refuses a column the data lacks, and one that holds values other than numbers (a CSV
   * column whose schema inference found a non-number), naming the column and its first
   * non-number.
   *
   * @throws IllegalArgumentException saying which column and why
   */
  static void check(Dataset<Row> data, List<String> names) {
    List<String> present = Arrays.asList(data.columns());
    List<String> missing = names.stream().filter(name -> !present.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing column" + (missing.size() == 1 ? " " : "s ")
          + quoted(missing) + "; the data has " + quoted(present));
    }
    for (String name : names) {
      DataType type = data.schema().apply(name).dataType();
      if (type instanceof NumericType) {
        continue;
      }
      String example = "";
      if (type instanceof StringType) {
        // Text that is all numbers (a CSV read without schema inference) is cast later.
        Column column = quote(name);
        List<Row> bad = data.select(column)
            .where(column.isNotNull().and(column.try_cast("double").isNull()))
            .limit(1).collectAsList();
        if (bad.isEmpty()) {
          continue;
        }
        example = ": it holds '" + bad.get(0).getString(0) + "'";
      }
      throw new IllegalArgumentException("column '" + name + "' is not numeric ("
          + type.simpleString() + ")" + example);
    }
  }

  /** A column by its exact name, dots and brackets included. */
  static Column quote(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }

  /** The named columns as doubles, in that order. */
  static Column[] asDoubles(List<String> names) {
    return names.stream().map(name -> quote(name).cast("double").as(name))
        .toArray(Column[]::new);
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
