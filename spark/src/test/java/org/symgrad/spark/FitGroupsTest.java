package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.train.FitMany;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainingResult;

class FitGroupsTest {
  private static final FitSpec SPEC = FitSpec.defaults().withEpochs(300);

  private static StructType sensorSchema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("sensor", DataTypes.StringType, true),
        DataTypes.createStructField("t_u", DataTypes.DoubleType, true),
        DataTypes.createStructField("t_c", DataTypes.DoubleType, true)));
  }

  /** Readings of several sensors, interleaved at random, each with its own calibration. */
  private static Map<String, List<Row>> sensors(int count, int rowsEach) {
    Map<String, List<Row>> bySensor = new LinkedHashMap<>();
    for (int s = 0; s < count; s++) {
      List<Row> rows = new ArrayList<>();
      for (Row r : TestSpark.thermometerRows(rowsEach, s, 0.5 + 0.01 * s, -17 + s)) {
        rows.add(RowFactory.create("s" + s, r.get(0), r.get(1)));
      }
      bySensor.put("s" + s, rows);
    }
    return bySensor;
  }

  private static List<Row> interleaved(Map<String, List<Row>> bySensor, long seed) {
    List<List<Row>> queues = new ArrayList<>();
    bySensor.values().forEach(rows -> queues.add(new ArrayList<>(rows)));
    Random random = new Random(seed);
    List<Row> all = new ArrayList<>();
    while (!queues.isEmpty()) {
      int q = random.nextInt(queues.size());
      all.add(queues.get(q).remove(0));
      if (queues.get(q).isEmpty()) {
        queues.remove(q);
      }
    }
    return all;
  }

  private static org.symgrad.runtime.Dataset runtimeData(List<Row> rows) {
    double[][] columns = new double[2][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      columns[0][r] = rows.get(r).getDouble(1);
      columns[1][r] = rows.get(r).getDouble(2);
    }
    return new org.symgrad.runtime.Dataset(List.of("t_u", "t_c"), columns);
  }

  private static Map<String, Row> byKey(Dataset<Row> fits) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Row row : fits.collectAsList()) {
      rows.put(row.getString(0), row);
    }
    return rows;
  }

  @Test
  void eachGroupIsTheSingleJvmFitOfItsRowsBitForBit() {
    Map<String, List<Row>> bySensor = sensors(7, 40);
    Dataset<Row> data = TestSpark.frame(interleaved(bySensor, 3), sensorSchema(), 3);
    FitSpec spec = SPEC.withOptimizer("adam").withOption("lr", "0.1");

    Map<String, Row> fits = byKey(SymgradSpark.fitGroups(data, TestSpark.THERMOMETER, "sensor",
        spec));

    CompiledModel model = Symgrad.compile(Symgrad.parse(TestSpark.THERMOMETER, "model.sg"));
    List<TrainingResult> expected = FitMany.fitAll(new Trainer(spec.trainerOptions()), model,
        bySensor.values().stream().map(FitGroupsTest::runtimeData).toList(),
        model.info().initialParameters(0), () -> spec.newOptimizer(2), 2);
    assertThat(fits.keySet()).containsExactlyElementsIn(bySensor.keySet());
    int i = 0;
    for (String sensor : bySensor.keySet()) {
      Row row = fits.get(sensor);
      TrainingResult want = expected.get(i++);
      assertThat(row.getDouble(row.fieldIndex("w"))).isEqualTo(want.params()[0]);
      assertThat(row.getDouble(row.fieldIndex("b"))).isEqualTo(want.params()[1]);
      assertThat(row.getDouble(row.fieldIndex("train_loss"))).isEqualTo(want.trainLoss());
      assertThat(row.getDouble(row.fieldIndex("val_loss"))).isEqualTo(want.valLoss());
      assertThat(row.getInt(row.fieldIndex("epochs"))).isEqualTo(300);
      assertThat(row.getString(row.fieldIndex("stopped"))).isEqualTo("completed");
      assertThat(row.isNullAt(row.fieldIndex("error"))).isTrue();
    }
  }

  @Test
  void aSchedulerAndStartingParametersApplyToEveryGroupAsToASingleJvmFit() {
    Map<String, List<Row>> bySensor = sensors(3, 40);
    Dataset<Row> data = TestSpark.frame(interleaved(bySensor, 4), sensorSchema(), 2);
    FitSpec plain = SPEC.withOptimizer("adam").withOption("lr", "0.5")
        .withStart(new double[] {5, -15});
    FitSpec spec = plain.withScheduler("StepLR:step_size=50,gamma=0.5");

    Map<String, Row> fits = byKey(SymgradSpark.fitGroups(data, TestSpark.THERMOMETER, "sensor",
        spec));
    Map<String, Row> unscheduled = byKey(SymgradSpark.fitGroups(data, TestSpark.THERMOMETER,
        "sensor", plain));

    CompiledModel model = Symgrad.compile(Symgrad.parse(TestSpark.THERMOMETER, "model.sg"));
    List<TrainingResult> expected = FitMany.fitAll(new Trainer(spec.trainerOptions()), model,
        bySensor.values().stream().map(FitGroupsTest::runtimeData).toList(),
        new double[] {5, -15}, () -> spec.newOptimizer(2), 2);
    int i = 0;
    for (String sensor : bySensor.keySet()) {
      Row row = fits.get(sensor);
      assertThat(row.getDouble(row.fieldIndex("w"))).isEqualTo(expected.get(i++).params()[0]);
      Row other = unscheduled.get(sensor);
      assertThat(row.getDouble(row.fieldIndex("w")))
          .isNotEqualTo(other.getDouble(other.fieldIndex("w")));
    }
  }

  @Test
  void vectorParametersAreArraysInRowMajorOrder() {
    Random random = new Random(5);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < 60; r++) {
      double a = random.nextDouble();
      double b = random.nextDouble();
      double c = random.nextDouble();
      rows.add(RowFactory.create(r % 2L, a, b, c, 2 * a - b + 0.5 * c + 1));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("g", DataTypes.LongType, false),
        DataTypes.createStructField("a", DataTypes.DoubleType, false),
        DataTypes.createStructField("b", DataTypes.DoubleType, false),
        DataTypes.createStructField("c", DataTypes.DoubleType, false),
        DataTypes.createStructField("y", DataTypes.DoubleType, false)));
    FitSpec spec = FitSpec.defaults().withEpochs(50).withOptimizer("lbfgs");

    List<Row> fits = SymgradSpark.fitGroups(TestSpark.frame(rows, schema, 2), TestSpark.LINEAR3,
        "g", spec).orderBy("g").collectAsList();

    CompiledModel model = Symgrad.compile(Symgrad.parse(TestSpark.LINEAR3, "model.sg"));
    for (Row fit : fits) {
      long group = fit.getLong(0);
      List<Row> mine = rows.stream().filter(r -> r.getLong(0) == group).toList();
      double[][] columns = new double[4][mine.size()];
      for (int r = 0; r < mine.size(); r++) {
        for (int c = 0; c < 4; c++) {
          columns[c][r] = mine.get(r).getDouble(c + 1);
        }
      }
      TrainingResult want = new Trainer(spec.trainerOptions()).fit(model,
          new org.symgrad.runtime.Dataset(List.of("a", "b", "c", "y"), columns),
          model.info().initialParameters(0), spec.newOptimizer(4));
      List<Double> w = fit.getList(fit.fieldIndex("w"));
      assertThat(w).containsExactly(want.params()[0], want.params()[1], want.params()[2])
          .inOrder();
      assertThat(fit.getDouble(fit.fieldIndex("bias"))).isEqualTo(want.params()[3]);
    }
    assertThat(fits).hasSize(2);
  }

  @Test
  void aGroupWithNanOrTooFewRowsGetsItsErrorAndTheOthersAreFitted() {
    Map<String, List<Row>> bySensor = sensors(3, 20);
    List<Row> rows = new ArrayList<>(interleaved(bySensor, 1));
    rows.add(RowFactory.create("s1", 50.0, Double.NaN));
    rows.add(RowFactory.create("lonely", 50.0, 10.0));
    rows.add(RowFactory.create("blank", null, 10.0));
    FitSpec spec = SPEC.withValidationFraction(0.2);

    Map<String, Row> fits = byKey(SymgradSpark.fitGroups(
        TestSpark.frame(rows, sensorSchema(), 2), TestSpark.THERMOMETER, "sensor", spec));

    assertThat(error(fits.get("s1"))).isEqualTo(
        "group 's1' of column 'sensor': column 't_c' is NaN in row 21 of the group");
    assertThat(error(fits.get("blank"))).isEqualTo(
        "group 'blank' of column 'sensor': column 't_u' is empty in row 1 of the group");
    assertThat(error(fits.get("lonely"))).isEqualTo("group 'lonely' of column 'sensor': "
        + "validation fraction 0.2 of 1 row selects no validation row; use 0 for none, or a "
        + "larger fraction");
    assertThat(fits.get("lonely").getString(fits.get("lonely").fieldIndex("stopped")))
        .isEqualTo("failed");
    assertThat(fits.get("lonely").isNullAt(fits.get("lonely").fieldIndex("w"))).isTrue();
    assertThat(error(fits.get("s0"))).isNull();
    assertThat(error(fits.get("s2"))).isNull();
  }

  @Test
  void aDivergedGroupKeepsItsParametersAndSaysWhere() {
    Map<String, List<Row>> bySensor = sensors(2, 30);
    FitSpec spec = SPEC.withOption("lr", "10");

    Map<String, Row> fits = byKey(SymgradSpark.fitGroups(
        TestSpark.frame(interleaved(bySensor, 2), sensorSchema(), 2), TestSpark.THERMOMETER,
        "sensor", spec));

    Row row = fits.get("s0");
    assertThat(row.getString(row.fieldIndex("stopped"))).isEqualTo("diverged");
    assertThat(error(row)).startsWith("training diverged at epoch ");
    assertThat(row.isNullAt(row.fieldIndex("w"))).isFalse();
  }

  @Test
  void missingAndNonNumericColumnsAreRefusedBeforeAnyFit() {
    List<Row> rows = List.of(RowFactory.create("s0", "hot", 1.0),
        RowFactory.create("s0", "12.5", 2.0));
    StructType text = DataTypes.createStructType(List.of(
        DataTypes.createStructField("sensor", DataTypes.StringType, true),
        DataTypes.createStructField("t_u", DataTypes.StringType, true),
        DataTypes.createStructField("t_c", DataTypes.DoubleType, true)));
    Dataset<Row> data = TestSpark.frame(rows, text, 1);

    IllegalArgumentException nonNumeric = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.fitGroups(data, TestSpark.THERMOMETER, "sensor", SPEC));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.fitGroups(data.drop("t_c"), TestSpark.THERMOMETER, "sensor", SPEC));
    IllegalArgumentException noGroup = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.fitGroups(data, TestSpark.THERMOMETER, "probe", SPEC));

    assertThat(nonNumeric).hasMessageThat()
        .isEqualTo("column 't_u' is not numeric (string): it holds 'hot'");
    assertThat(missing).hasMessageThat()
        .isEqualTo("missing column 't_c'; the data has 'sensor', 't_u'");
    assertThat(noGroup).hasMessageThat()
        .isEqualTo("no group column 'probe'; the data has sensor, t_u, t_c");
  }

  @Test
  void numbersWrittenAsTextAreCast() {
    List<Row> rows = new ArrayList<>();
    for (Row r : TestSpark.thermometerRows(12, 9, 0.5, -17)) {
      rows.add(RowFactory.create("s", Double.toString(r.getDouble(0)), r.getDouble(1)));
    }
    StructType text = DataTypes.createStructType(List.of(
        DataTypes.createStructField("sensor", DataTypes.StringType, true),
        DataTypes.createStructField("t_u", DataTypes.StringType, true),
        DataTypes.createStructField("t_c", DataTypes.DoubleType, true)));

    List<Row> fits = SymgradSpark.fitGroups(TestSpark.frame(rows, text, 1),
        TestSpark.THERMOMETER, "sensor", SPEC).collectAsList();

    assertThat(error(fits.get(0))).isNull();
    assertThat(Arrays.asList(fits.get(0).schema().fieldNames())).containsExactly("sensor", "w",
        "b", "train_loss", "val_loss", "epochs", "stopped", "error").inOrder();
  }

  private static String error(Row row) {
    return row.getString(row.fieldIndex("error"));
  }
}
