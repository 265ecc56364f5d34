package org.symgrad.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * Reading the input and writing the results of {@code symgrad-spark}, each by its path's
 * extension: {@code .csv} (with a header) or {@code .parquet}. An output path that exists is
 * refused, never overwritten.
 */
final class OutputFiles {
  private OutputFiles() {}

  enum Format { CSV, PARQUET }

  /** The format a path's extension names, or an error naming the path. */
  static Format format(String path, String option) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return Format.CSV;
    }
    if (lower.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    throw new IllegalArgumentException(option + " " + path
        + ": expected a .csv or .parquet path");
  }

  static boolean exists(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  /** The rows of a CSV file with a header (numbers typed by inference) or a Parquet file. */
  static Dataset<Row> read(SparkSession spark, String path) {
    Format format = format(path, "--data");
    if (!exists(spark, path)) {
      throw new IllegalArgumentException("--data " + path + ": no such file");
    }
    return format == Format.CSV
        ? spark.read().option("header", "true").option("inferSchema", "true").csv(path)
        : spark.read().parquet(path);
  }

  /**
   * Writes {@code results} to {@code path}: Parquet as it is, CSV as one part file with a
   * header in a Spark output directory, its array columns spread out as {@code W[0,1]}.
   */
  static void write(Dataset<Row> results, ModelInfo info, String path) {
    Format format = format(path, "--out");
    if (format == Format.PARQUET) {
      results.write().parquet(path);
      return;
    }
    results.select(flattened(results, info)).coalesce(1).write().option("header", "true")
        .csv(path);
  }

  /** Every column, array parameters as one column per element, named by index. */
  static Column[] flattened(Dataset<Row> results, ModelInfo info) {
    List<Column> columns = new ArrayList<>();
    for (String name : results.columns()) {
      // A parameter's standard errors are spread out as the parameter: stderr_W[0,1].
      String prefix = name.startsWith(ResultColumns.STDERR_PREFIX)
          ? ResultColumns.STDERR_PREFIX : "";
      ParameterInfo param = info.parameters().stream()
          .filter(p -> (prefix + p.name()).equals(name) && !p.isScalar()).findFirst()
          .orElse(null);
      if (param == null) {
        columns.add(InputColumns.quote(name));
        continue;
      }
      for (int i = 0; i < param.size(); i++) {
        columns.add(InputColumns.quote(name).getItem(i).as(prefix + param.elementName(i)));
      }
    }
    return columns.toArray(Column[]::new);
  }
}
