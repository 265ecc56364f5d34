package org.symgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * The columns of a result DataFrame, one row per fit: the group key (per-group fits only),
 * one column per parameter by its name (a double for a scalar, an array of doubles in
 * row-major order for a vector or matrix parameter), then {@code train_loss}, {@code
 * val_loss}, {@code epochs}, {@code stopped} and {@code error}, as {@code symgrad fit --json}
 * names them.
 *
 * <p>After a least-squares fit by {@code lm} or {@code newton}, one {@code stderr_NAME}
 * column per parameter follows the parameters (shaped as the parameter: a double, or an
 * array), and {@code rss}, {@code residual_sd} and {@code dof} follow {@code val_loss}, as
 * {@code symgrad fit --json} names them. A standard error that cannot be estimated (its
 * parameter is not identifiable) is empty, and {@code error} says why.
 */
final class ResultColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String TRAIN_LOSS = "train_loss";
  static final String VAL_LOSS = "val_loss";
  static final String EPOCHS = "epochs";
  static final String STOPPED = "stopped";
  static final String ERROR = "error";
  static final String STDERR_PREFIX = "stderr_";
  static final String RSS = "rss";
  static final String RESIDUAL_SD = "residual_sd";
  static final String DOF = "dof";

  private final StructType schema;
  private final List<Parameter> parameters;
  private final boolean keyed;
  private final boolean leastSquares;

  /** A parameter as its column needs it: name, where it starts, how many values. */
  private record Parameter(String name, int offset, int size, boolean scalar)
      implements Serializable {}

  /** The columns of a fit without standard errors. */
  ResultColumns(ModelInfo info, @Nullable StructField key) {
    this(info, key, false);
  }

  /**
   * @param key the group column's field, or null for a fit of all rows
   * @param leastSquares whether the fits report standard errors, {@code rss} and {@code dof}
   */
  ResultColumns(ModelInfo info, @Nullable StructField key, boolean leastSquares) {
    List<StructField> fields = new ArrayList<>();
    if (key != null) {
      fields.add(DataTypes.createStructField(key.name(), key.dataType(), true));
    }
    List<Parameter> params = new ArrayList<>();
    for (ParameterInfo p : info.parameters()) {
      params.add(new Parameter(p.name(), p.offset(), p.size(), p.isScalar()));
      fields.add(DataTypes.createStructField(p.name(), p.isScalar() ? DataTypes.DoubleType
          : DataTypes.createArrayType(DataTypes.DoubleType, false), true));
    }
    if (leastSquares) {
      for (ParameterInfo p : info.parameters()) {
        fields.add(DataTypes.createStructField(STDERR_PREFIX + p.name(), p.isScalar()
            ? DataTypes.DoubleType : DataTypes.createArrayType(DataTypes.DoubleType, true), true));
      }
    }
    fields.add(DataTypes.createStructField(TRAIN_LOSS, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(VAL_LOSS, DataTypes.DoubleType, true));
    if (leastSquares) {
      fields.add(DataTypes.createStructField(RSS, DataTypes.DoubleType, true));
      fields.add(DataTypes.createStructField(RESIDUAL_SD, DataTypes.DoubleType, true));
      fields.add(DataTypes.createStructField(DOF, DataTypes.IntegerType, true));
    }
    fields.add(DataTypes.createStructField(EPOCHS, DataTypes.IntegerType, true));
    fields.add(DataTypes.createStructField(STOPPED, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
    this.schema = DataTypes.createStructType(fields);
    this.parameters = List.copyOf(params);
    this.keyed = key != null;
    this.leastSquares = leastSquares;
  }

  StructType schema() {
    return schema;
  }

  /** The row of one fit; {@code key} is ignored for a fit of all rows. */
  Row row(@Nullable Object key, FitOutcome outcome) {
    List<Object> values = new ArrayList<>(schema.size());
    if (keyed) {
      values.add(key);
    }
    double[] params = outcome.params();
    for (Parameter p : parameters) {
      if (params == null) {
        values.add(null);
      } else if (p.scalar()) {
        values.add(params[p.offset()]);
      } else {
        values.add(Arrays.copyOfRange(params, p.offset(), p.offset() + p.size()));
      }
    }
    FitOutcome.Statistics stats = outcome.statistics();
    if (leastSquares) {
      for (Parameter p : parameters) {
        if (stats == null) {
          values.add(null);
        } else if (p.scalar()) {
          values.add(stats.stderr()[p.offset()]);
        } else {
          values.add(Arrays.copyOfRange(stats.stderr(), p.offset(), p.offset() + p.size()));
        }
      }
    }
    values.add(outcome.trainLoss());
    values.add(outcome.valLoss());
    if (leastSquares) {
      values.add(stats == null ? null : stats.rss());
      values.add(stats == null || Double.isNaN(stats.residualSd()) ? null : stats.residualSd());
      values.add(stats == null ? null : stats.dof());
    }
    values.add(outcome.epochs());
    values.add(outcome.stopped());
    values.add(outcome.error());
    return RowFactory.create(values.toArray());
  }
}
