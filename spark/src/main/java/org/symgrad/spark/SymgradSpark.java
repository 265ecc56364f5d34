package org.symgrad.spark;

import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.train.TrainingCheckpoint;
import scala.Tuple2;

/**
 * symgrad on Apache Spark: many small fits, one per group of rows, and one fit over more rows
 * than one machine holds. A model travels to the executors as its text and is compiled once
 * per executor JVM; a compiled class is never serialised.
 *
 * <pre>{@code
 * FitSpec spec = FitSpec.defaults().withOptimizer("adam").withOption("lr", "0.1");
 * Dataset<Row> fits = SymgradSpark.fitGroups(readings, modelText, "sensor", spec);
 * SparkFitResult all = SymgradSpark.fit(readings, modelText, spec);
 * Dataset<Row> predicted = SymgradSpark.predict(newReadings, modelText, all.params());
 * }</pre>
 *
 * <p>The model text is an {@code .sg} file's text; its {@code data} line, if any, is ignored:
 * the rows are the DataFrame's.
 */
public final class SymgradSpark {
  /** The name a model's text is parsed under when the caller gives none. */
  public static final String DEFAULT_SOURCE = "model.sg";
  private static final String ORDER = "__symgrad_order";

  private SymgradSpark() {}

  /** {@link #fitGroups(Dataset, String, String, String, FitSpec)} under {@value #DEFAULT_SOURCE}. */
  public static Dataset<Row> fitGroups(Dataset<Row> data, String modelText, String groupColumn,
      FitSpec spec) {
    return fitGroups(data, modelText, DEFAULT_SOURCE, groupColumn, spec);
  }

  /**
   * Fits the model to each group of rows that share a value of {@code groupColumn}: one
   * result row per group, with the columns of {@link ResultColumns} after the group column.
   *
   * <p>A group's rows are fitted in input order (the order of {@code data}, as {@code
   * monotonically_increasing_id} numbers it: file order for a file read as it is), so a
   * group's result is bit for bit the single-JVM fit ({@code FitMany}, {@code symgrad fit})
   * of the same rows in that order, with the same spec. A group whose fit fails (an empty or
   * NaN value, too few rows for the split) or diverges gets its message in {@code error}; the
   * job goes on. The result is a lazy DataFrame in no particular row order: sort it by the
   * group column for a fixed order, and cache it before using it twice, or every action
   * fits again.
   *
   * @throws IllegalArgumentException for a model text that does not parse, or a missing or
   *     non-numeric column (named), before any task runs
   */
  public static Dataset<Row> fitGroups(Dataset<Row> data, String modelText, String sourceName,
      String groupColumn, FitSpec spec) {
    ModelInfo info = ExecutorModels.get(modelText, sourceName).info();
    spec.initialParameters(info); // a --init of the wrong length is refused here, once
    if (spec.secondOrder()) {
      SecondOrderFit.check(spec, modelText, sourceName);
    }
    if (!Arrays.asList(data.columns()).contains(groupColumn)) {
      throw new IllegalArgumentException("no group column '" + groupColumn + "'; the data has "
          + String.join(", ", data.columns()));
    }
    List<String> columns = InputColumns.of(info, true);
    InputColumns.check(data, columns);
    StructField key = data.schema().apply(groupColumn);
    ResultColumns result = new ResultColumns(info, key,
        SecondOrderFit.reportsStatistics(spec, modelText, sourceName));
    List<Column> selected = new ArrayList<>();
    selected.add(InputColumns.quote(groupColumn));
    selected.add(monotonically_increasing_id().as(ORDER));
    selected.addAll(Arrays.asList(InputColumns.asDoubles(columns)));
    JavaPairRDD<Object, Iterable<GroupRow>> groups = data.select(selected.toArray(Column[]::new))
        .javaRDD()
        .mapToPair(row -> new Tuple2<>(row.get(0), GroupRow.of(row)))
        .groupByKey();
    GroupFitter fitter = new GroupFitter(modelText, sourceName, spec, columns, groupColumn,
        result);
    JavaRDD<Row> rows = groups.mapPartitions(fitter::fitAll);
    return data.sparkSession().createDataFrame(rows, result.schema());
  }

  /** {@link #fit(Dataset, String, String, FitSpec)} under {@value #DEFAULT_SOURCE}. */
  public static SparkFitResult fit(Dataset<Row> data, String modelText, FitSpec spec) {
    return fit(data, modelText, DEFAULT_SOURCE, spec);
  }

  /**
   * Fits the model to all rows of {@code data}, full batch, the partitions summing the loss
   * and gradient and the driver stepping the optimizer. The result is that of a single-JVM
   * fit with {@code --threads} of the same rows in the same order to rounding (the training
   * steps to the bit), and the same bits for every partitioning of those rows.
   *
   * @throws IllegalArgumentException for a bad model text, a missing, non-numeric, empty or
   *     NaN column (named), no rows, or an impossible split
   */
  public static SparkFitResult fit(Dataset<Row> data, String modelText, String sourceName,
      FitSpec spec) {
    return new DataParallelFit(modelText, sourceName, spec).run(data, null);
  }

  /**
   * Goes on with a data-parallel fit from {@code checkpoint} (a {@code --save} file of {@code
   * symgrad fit} or {@code symgrad-spark}) for {@code spec.epochs()} more epochs, as {@code
   * Trainer.resume} does: the checkpoint's seed chooses the split, and the data must have the
   * checkpoint's row counts. Not for {@code lm} or {@code newton}, which keep no state.
   */
  public static SparkFitResult resume(Dataset<Row> data, String modelText, String sourceName,
      FitSpec spec, TrainingCheckpoint checkpoint) {
    if (spec.secondOrder()) {
      throw new IllegalArgumentException("--optimizer " + spec.optimizer() + " keeps no "
          + "training state to resume; start it from the checkpoint's parameters instead");
    }
    return new DataParallelFit(modelText, sourceName, spec).run(data, checkpoint);
  }

  /** A fit's result as a one-row DataFrame with the columns of {@link #fitGroups}, no key. */
  public static Dataset<Row> toDataFrame(org.apache.spark.sql.SparkSession spark,
      String modelText, SparkFitResult result) {
    ResultColumns columns = new ResultColumns(
        ExecutorModels.get(modelText, DEFAULT_SOURCE).info(), null, result.statistics() != null);
    return spark.createDataFrame(List.of(columns.row(null, result.outcome())),
        columns.schema());
  }

  /** {@link #predict(Dataset, String, String, double[])} under {@value #DEFAULT_SOURCE}. */
  public static Dataset<Row> predict(Dataset<Row> data, String modelText, double[] params) {
    return predict(data, modelText, DEFAULT_SOURCE, params);
  }

  /**
   * {@code data} with the model's predictions at {@code params} appended: {@code pred}, or
   * {@code pred0 … predK-1} for a model of K outputs, as {@code symgrad predict} names them.
   * Rows keep their order and partitions; a row with an empty input gets empty predictions.
   *
   * @throws IllegalArgumentException for a missing or non-numeric input column, or
   *     parameters of the wrong length
   */
  public static Dataset<Row> predict(Dataset<Row> data, String modelText, String sourceName,
      double[] params) {
    CompiledModel model = ExecutorModels.get(modelText, sourceName);
    ModelInfo info = model.info();
    if (params.length != info.parameterCount()) {
      throw new IllegalArgumentException(params.length + " parameter values, but model '"
          + info.name() + "' has " + info.parameterCount());
    }
    List<String> inputs = InputColumns.of(info, false);
    InputColumns.check(data, inputs);
    Dataset<Row> typed = data;
    for (String name : inputs) {
      if (!(data.schema().apply(name).dataType() instanceof NumericType)) {
        typed = typed.withColumn(name, InputColumns.quote(name).cast("double"));
      }
    }
    List<String> names = Arrays.asList(typed.columns());
    int[] indices = inputs.stream().mapToInt(names::indexOf).toArray();
    StructType schema = typed.schema();
    int outputs = info.outputs();
    for (int k = 0; k < outputs; k++) {
      schema = schema.add(outputs == 1 ? "pred" : "pred" + k, DataTypes.DoubleType, true);
    }
    Predictor predictor = new Predictor(modelText, sourceName, params, indices);
    return data.sparkSession().createDataFrame(
        typed.javaRDD().mapPartitions(predictor::predict), schema);
  }
}
