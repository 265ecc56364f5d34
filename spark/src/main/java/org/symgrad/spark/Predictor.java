package org.symgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Applies fitted parameters to the rows of a partition, a block of rows at a time through the
 * model's {@code predict} kernel, appending one prediction column per model output. A row
 * with an empty input gets empty predictions; a NaN input gives what the model computes.
 */
final class Predictor implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BLOCK_ROWS = 4096;

  private final String modelText;
  private final String sourceName;
  private final double[] params;
  private final int[] inputIndices; // where each model input is in the row

  Predictor(String modelText, String sourceName, double[] params, int[] inputIndices) {
    this.modelText = modelText;
    this.sourceName = sourceName;
    this.params = params.clone();
    this.inputIndices = inputIndices.clone();
  }

  Iterator<Row> predict(Iterator<Row> rows) {
    CompiledModel model = ExecutorModels.get(modelText, sourceName);
    int outputs = model.info().outputs();
    return new Iterator<>() {
      private final List<Row> block = new ArrayList<>(BLOCK_ROWS);
      private final double[][] columns = new double[inputIndices.length][BLOCK_ROWS];
      private final double[] out = new double[BLOCK_ROWS * outputs];
      private final boolean[] empty = new boolean[BLOCK_ROWS];
      private int next;

      @Override
      public boolean hasNext() {
        if (next < block.size()) {
          return true;
        }
        fill();
        return !block.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = block.get(next);
        Object[] values = new Object[row.size() + outputs];
        for (int i = 0; i < row.size(); i++) {
          values[i] = row.get(i);
        }
        for (int k = 0; k < outputs; k++) {
          values[row.size() + k] = empty[next] ? null : out[next * outputs + k];
        }
        next++;
        return RowFactory.create(values);
      }

      private void fill() {
        block.clear();
        next = 0;
        while (block.size() < BLOCK_ROWS && rows.hasNext()) {
          Row row = rows.next();
          int r = block.size();
          empty[r] = false;
          for (int c = 0; c < inputIndices.length; c++) {
            Object value = row.get(inputIndices[c]);
            empty[r] |= value == null;
            columns[c][r] = value == null ? 0.0 : ((Number) value).doubleValue();
          }
          block.add(row);
        }
        if (!block.isEmpty()) {
          model.predict(params, Batch.of(columns, block.size()), out);
        }
      }
    };
  }
}
