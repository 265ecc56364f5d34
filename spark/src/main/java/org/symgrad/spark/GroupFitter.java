package org.symgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainingResult;
import scala.Tuple2;

/**
 * The executor side of a per-group fit: turns each group's rows into a runtime {@link
 * Dataset} in input order and fits it with a {@link Trainer}, exactly as {@code FitMany} fits
 * one data set (it calls the same {@code trainer.fit}), so a group's result is bit for bit
 * that of a single-JVM fit of the same rows. With {@code lm} or {@code newton} it runs the
 * solver {@code symgrad fit} runs ({@link SecondOrderFit}) on all the group's rows.
 *
 * <p>Rows arrive as {@link GroupRow}s, whose {@code order} is the row's place in the input
 * ({@code monotonically_increasing_id}); a group's rows are sorted by it,
 * since a shuffle does not keep their order. Whatever goes wrong with one group (a null or
 * NaN value, too few rows for the split, a divergence) becomes that group's error; the task
 * goes on with the next group.
 */
final class GroupFitter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String modelText;
  private final String sourceName;
  private final FitSpec spec;
  private final List<String> columns;
  private final String groupColumn;
  private final ResultColumns result;

  GroupFitter(String modelText, String sourceName, FitSpec spec, List<String> columns,
      String groupColumn, ResultColumns result) {
    this.modelText = modelText;
    this.sourceName = sourceName;
    this.spec = spec;
    this.columns = List.copyOf(columns);
    this.groupColumn = groupColumn;
    this.result = result;
  }

  /** Fits every group of a partition, one at a time, yielding one result row each. */
  Iterator<Row> fitAll(Iterator<Tuple2<Object, Iterable<GroupRow>>> groups) {
    CompiledModel model = ExecutorModels.get(modelText, sourceName);
    Trainer trainer = new Trainer(spec.trainerOptions());
    double[] start = spec.initialParameters(model.info());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return groups.hasNext();
      }

      @Override
      public Row next() {
        Tuple2<Object, Iterable<GroupRow>> group = groups.next();
        return result.row(group._1(), fit(model, trainer, start, group._1(), group._2()));
      }
    };
  }

  private FitOutcome fit(CompiledModel model, Trainer trainer, double[] start, Object key,
      Iterable<GroupRow> rows) {
    String name = "group " + (key == null ? "null" : "'" + key + "'") + " of column '"
        + groupColumn + "'";
    try {
      if (key == null) {
        throw new IllegalArgumentException("rows without a group key: the group column is "
            + "empty in them");
      }
      Dataset data = dataset(rows);
      if (spec.secondOrder()) {
        return SecondOrderFit.onBatch(spec, modelText, sourceName,
            data.batchFor(model.info(), true)).outcome();
      }
      TrainingResult fitted = trainer.fit(model, data, start,
          spec.newOptimizer(model.info().parameterCount()));
      return FitOutcome.of(fitted);
    } catch (RuntimeException e) {
      return FitOutcome.failed(name + ": " + e.getMessage());
    }
  }

  /** The group's rows in input order, refusing an empty or NaN value by column and row. */
  Dataset dataset(Iterable<GroupRow> rows) {
    List<GroupRow> ordered = new ArrayList<>();
    rows.forEach(ordered::add);
    ordered.sort(Comparator.comparingLong(GroupRow::order));
    double[][] values = new double[columns.size()][ordered.size()];
    for (int r = 0; r < ordered.size(); r++) {
      GroupRow row = ordered.get(r);
      for (int c = 0; c < values.length; c++) {
        if (row.isEmpty(c)) {
          throw new IllegalArgumentException("column '" + columns.get(c) + "' is empty in row "
              + (r + 1) + " of the group");
        }
        double value = row.values()[c];
        if (Double.isNaN(value)) {
          throw new IllegalArgumentException("column '" + columns.get(c) + "' is NaN in row "
              + (r + 1) + " of the group");
        }
        values[c][r] = value;
      }
    }
    return new Dataset(columns, values);
  }
}
