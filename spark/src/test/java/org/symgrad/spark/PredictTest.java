package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

class PredictTest {
  @Test
  void appendsTheModelsPredictionToEveryRowInOrder() {
    List<Row> rows = TestSpark.thermometerRows(5000, 2, 0.5, -17);
    double[] params = {5.3, -17.2};

    List<Row> predicted = SymgradSpark.predict(
        TestSpark.frame(rows, TestSpark.thermometerSchema(), 3), TestSpark.THERMOMETER, params)
        .collectAsList();

    CompiledModel model = Symgrad.compile(Symgrad.parse(TestSpark.THERMOMETER, "model.sg"));
    double[] tu = rows.stream().mapToDouble(r -> r.getDouble(0)).toArray();
    double[] expected = new double[rows.size()];
    model.predict(params, Batch.of(new double[][] {tu}, tu.length), expected);
    assertThat(predicted).hasSize(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      assertThat(predicted.get(r).getDouble(0)).isEqualTo(tu[r]);
      assertThat(predicted.get(r).getDouble(predicted.get(r).fieldIndex("pred")))
          .isEqualTo(expected[r]);
    }
  }
}
