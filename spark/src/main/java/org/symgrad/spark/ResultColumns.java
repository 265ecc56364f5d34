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
 * <p>Extension point: the least-squares optimizers ({@code lm}, {@code newton}) report a
 * standard error per parameter; when the runtime's result carries them, add one {@code
 * stderr_NAME} column per parameter after the parameters, here and in {@link #row}, and in
 * {@link FitOutcome}.
 */
final class ResultColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String TRAIN_LOSS = "train_loss";
  static final String VAL_LOSS = "val_loss";
  static final String EPOCHS = "epochs";
  static final String STOPPED = "stopped";
  static final String ERROR = "error";

  private final StructType schema;
  private final List<Parameter> parameters;
  private final boolean keyed;

  /** A parameter as its column needs it: name, where it starts, how many values. */
  private record Parameter(String name, int offset, int size, boolean scalar)
      implements Serializable {}

  /** @param key the group column's field, or null for a fit of all rows */
  ResultColumns(ModelInfo info, @Nullable StructField key) {
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
    fields.add(DataTypes.createStructField(TRAIN_LOSS, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(VAL_LOSS, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(EPOCHS, DataTypes.IntegerType, true));
    fields.add(DataTypes.createStructField(STOPPED, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
    this.schema = DataTypes.createStructType(fields);
    this.parameters = List.copyOf(params);
    this.keyed = key != null;
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
    values.add(outcome.trainLoss());
    values.add(outcome.valLoss());
    values.add(outcome.epochs());
    values.add(outcome.stopped());
    values.add(outcome.error());
    return RowFactory.create(values.toArray());
  }
}
