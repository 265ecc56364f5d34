package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.NewtonHessian;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.FitStatistics;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.optim.lsq.TrustRegionNewton;

/**
 * Per-group fits by {@code lm} and {@code newton} against the steps {@code symgrad fit
 * --optimizer lm|newton} takes on each group's rows alone: the same parameters, losses,
 * standard errors, {@code rss} and {@code dof}, bit for bit.
 */
class LeastSquaresGroupsTest {
  private static final Map<String, String> TOLERANCES = Map.of("xtol", "1e-12");

  private static StructType schema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("g", DataTypes.StringType, true),
        DataTypes.createStructField("t", DataTypes.DoubleType, true),
        DataTypes.createStructField("y", DataTypes.DoubleType, true)));
  }

  /** Three decay curves of 30 rows each, their rows interleaved in the input. */
  private static Map<String, List<Row>> groups() {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (int g = 0; g < 3; g++) {
      List<Row> rows = new ArrayList<>();
      for (Row r : TestSpark.decayRows(30, g, 2 + g, 0.3 + 0.1 * g, 0.5)) {
        rows.add(RowFactory.create("g" + g, r.get(0), r.get(1)));
      }
      groups.put("g" + g, rows);
    }
    return groups;
  }

  private static List<Row> interleaved(Map<String, List<Row>> groups) {
    List<Row> all = new ArrayList<>();
    for (int r = 0; r < 30; r++) {
      for (List<Row> rows : groups.values()) {
        all.add(rows.get(r));
      }
    }
    return all;
  }

  private static Map<String, Row> byKey(Dataset<Row> fits) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Row row : fits.collectAsList()) {
      rows.put(row.getString(0), row);
    }
    return rows;
  }

  private static Batch batch(List<Row> rows) {
    double[][] columns = new double[2][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      columns[0][r] = rows.get(r).getDouble(1);
      columns[1][r] = rows.get(r).getDouble(2);
    }
    return Batch.of(columns, rows.size());
  }

  /** What symgrad fit computes for one group: its fit, statistics and training loss. */
  private record Reference(SolverResult fit, FitStatistics stats, double trainLoss) {}

  private static Reference cliFit(List<Row> rows, boolean lm, int epochs) {
    return cliFit(rows, lm, epochs, NewtonHessian.AUTO);
  }

  private static Reference cliFit(List<Row> rows, boolean lm, int epochs,
      NewtonHessian hessian) {
    ModelDefinition definition = Symgrad.parse(TestSpark.DECAY, "model.sg");
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = batch(rows);
    double[] start = model.info().initialParameters(0);
    Tolerances tolerances = Tolerances.parse(TOLERANCES, epochs);
    // The kernels symgrad fit --optimizer lm|newton runs (SecondOrderFit in the CLI).
    ResidualProblem residuals = SecondOrderProblems.residuals(definition, batch, 1);
    SolverResult fit = lm ? LevenbergMarquardt.minimize(residuals, start, tolerances)
        : hessian.matrixFree(3) ? TrustRegionNewton.minimize(
            SecondOrderProblems.matrixFree(definition, batch, 1), start, tolerances)
        : TrustRegionNewton.minimize(
            SecondOrderProblems.objective(definition, batch, 1), start, tolerances);
    double[] jtr = new double[3];
    double[] jtj = new double[9];
    double rss = residuals.normalEquations(fit.params(), jtr, jtj);
    FitStatistics stats = FitStatistics.of(jtj, rss, batch.size(),
        Symgrad.parameterNames(definition));
    return new Reference(fit, stats, model.loss(fit.params(), batch));
  }

  private static FitSpec spec(String optimizer) {
    FitSpec spec = FitSpec.defaults().withOptimizer(optimizer).withEpochs(100);
    for (Map.Entry<String, String> e : TOLERANCES.entrySet()) {
      spec = spec.withOption(e.getKey(), e.getValue());
    }
    return spec;
  }

  private static void assertRowIs(Row row, Reference want) {
    String[] names = {"a", "k", "c"};
    for (int i = 0; i < 3; i++) {
      assertThat(row.getDouble(row.fieldIndex(names[i]))).isEqualTo(want.fit().params()[i]);
      assertThat(row.getDouble(row.fieldIndex("stderr_" + names[i])))
          .isEqualTo(want.stats().stderr()[i]);
    }
    assertThat(row.getDouble(row.fieldIndex("train_loss"))).isEqualTo(want.trainLoss());
    assertThat(row.isNullAt(row.fieldIndex("val_loss"))).isTrue();
    assertThat(row.getDouble(row.fieldIndex("rss"))).isEqualTo(want.stats().rss());
    assertThat(row.getDouble(row.fieldIndex("residual_sd")))
        .isEqualTo(want.stats().residualSd());
    assertThat(row.getInt(row.fieldIndex("dof"))).isEqualTo(27);
    assertThat(row.getInt(row.fieldIndex("epochs"))).isEqualTo(want.fit().iterations());
    assertThat(row.getString(row.fieldIndex("stopped"))).isEqualTo("converged");
    assertThat(row.isNullAt(row.fieldIndex("error"))).isTrue();
  }

  @Test
  void lmFitsEachGroupAsSymgradFitDoesWithItsStandardErrors() {
    Map<String, List<Row>> groups = groups();
    Dataset<Row> data = TestSpark.frame(interleaved(groups), schema(), 3);

    Map<String, Row> fits = byKey(SymgradSpark.fitGroups(data, TestSpark.DECAY, "g",
        spec("lm")));

    assertThat(fits.keySet()).containsExactlyElementsIn(groups.keySet());
    for (String g : groups.keySet()) {
      assertRowIs(fits.get(g), cliFit(groups.get(g), true, 100));
    }
  }

  @Test
  void newtonFitsEachGroupAsSymgradFitDoes() {
    Map<String, List<Row>> groups = groups();
    Dataset<Row> data = TestSpark.frame(interleaved(groups), schema(), 2);

    Map<String, Row> fits = byKey(SymgradSpark.fitGroups(data, TestSpark.DECAY, "g",
        spec("newton")));

    for (String g : groups.keySet()) {
      assertRowIs(fits.get(g), cliFit(groups.get(g), false, 100));
    }
  }

  @Test
  void newtonHonoursTheHessianOptionAsSymgradFitDoes() {
    Map<String, List<Row>> groups = groups();
    Dataset<Row> data = TestSpark.frame(interleaved(groups), schema(), 2);

    Map<String, Row> cg = byKey(SymgradSpark.fitGroups(data, TestSpark.DECAY, "g",
        spec("newton").withOption("hessian", "cg")));
    Map<String, Row> dense = byKey(SymgradSpark.fitGroups(data, TestSpark.DECAY, "g",
        spec("newton").withOption("Hessian", "DENSE")));

    for (String g : groups.keySet()) {
      Reference byCg = cliFit(groups.get(g), false, 100, NewtonHessian.CG);
      assertRowIs(cg.get(g), byCg);
      assertRowIs(dense.get(g), cliFit(groups.get(g), false, 100, NewtonHessian.DENSE));
    }
    // The two paths are different steps: had cg been ignored, its rows would be dense's bits.
    boolean differ = false;
    for (String g : groups.keySet()) {
      differ |= cg.get(g).getDouble(cg.get(g).fieldIndex("a"))
          != dense.get(g).getDouble(dense.get(g).fieldIndex("a"));
    }
    assertThat(differ).isTrue();
  }

  @Test
  void aBadHessianOptionAndCgOverAllRowsAreRefusedWithSymgradFitsMessage() {
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> spec("newton").withOption("hessian", "sparse"));
    IllegalArgumentException onLm = assertThrows(IllegalArgumentException.class,
        () -> spec("lm").withOption("hessian", "cg"));
    Dataset<Row> data = TestSpark.frame(interleaved(groups()), schema(), 1);
    IllegalArgumentException allRows = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.fit(data.drop("g"), TestSpark.DECAY,
            spec("newton").withOption("hessian", "cg")));

    assertThat(bad).hasMessageThat().isEqualTo("hessian=sparse: must be auto, dense or cg");
    assertThat(onLm).hasMessageThat().contains("unknown option 'hessian'");
    assertThat(allRows).hasMessageThat().startsWith("hessian=cg: newton over all rows");
  }

  @Test
  void aGroupWhoseJacobianIsSingularGetsItsMessageAndTheOthersTheirFits() {
    Map<String, List<Row>> groups = groups();
    List<Row> rows = interleaved(groups);
    for (int r = 0; r < 6; r++) { // one t for every row: the three columns of J are parallel
      rows.add(RowFactory.create("flat", 4.0, 1.0 + 0.01 * r));
    }
    Dataset<Row> data = TestSpark.frame(rows, schema(), 3);

    Map<String, Row> fits = byKey(SymgradSpark.fitGroups(data, TestSpark.DECAY, "g",
        spec("lm")));

    Row flat = fits.get("flat");
    String error = flat.getString(flat.fieldIndex("error"));
    assertThat(error).isNotNull();
    assertThat(error).isEqualTo(cliFit(rows.subList(90, 96), true, 100).stats().problem());
    int unknown = 0;
    for (String name : List.of("stderr_a", "stderr_k", "stderr_c")) {
      unknown += flat.isNullAt(flat.fieldIndex(name)) ? 1 : 0;
      if (!flat.isNullAt(flat.fieldIndex(name))) {
        assertThat(Double.isNaN(flat.getDouble(flat.fieldIndex(name)))).isFalse();
      }
    }
    assertThat(unknown).isAtLeast(1);
    assertThat(flat.isNullAt(flat.fieldIndex("a"))).isFalse();
    assertRowIs(fits.get("g1"), cliFit(groups.get("g1"), true, 100));
  }

  @Test
  void vectorParametersGetArraysOfStandardErrors() {
    List<Row> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(3);
    for (int r = 0; r < 40; r++) {
      double a = random.nextDouble();
      double b = random.nextDouble();
      double c = random.nextDouble();
      rows.add(RowFactory.create(r % 2L, a, b, c,
          2 * a - b + 0.5 * c + 1 + 0.01 * random.nextGaussian()));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("g", DataTypes.LongType, false),
        DataTypes.createStructField("a", DataTypes.DoubleType, false),
        DataTypes.createStructField("b", DataTypes.DoubleType, false),
        DataTypes.createStructField("c", DataTypes.DoubleType, false),
        DataTypes.createStructField("y", DataTypes.DoubleType, false)));

    List<Row> fits = SymgradSpark.fitGroups(TestSpark.frame(rows, schema, 2),
        TestSpark.LINEAR3, "g", FitSpec.defaults().withOptimizer("lm")).collectAsList();

    assertThat(fits).hasSize(2);
    for (Row fit : fits) {
      List<Double> stderr = fit.getList(fit.fieldIndex("stderr_w"));
      assertThat(stderr).hasSize(3);
      for (double e : stderr) {
        assertThat(e).isGreaterThan(0.0);
        assertThat(e).isLessThan(0.1);
      }
      assertThat(fit.getInt(fit.fieldIndex("dof"))).isEqualTo(16);
    }
  }

  @Test
  void lmOnAModelThatIsNotLeastSquaresAndTorchFlagsAreRefusedBeforeAnyFit() {
    Dataset<Row> data = TestSpark.frame(interleaved(groups()), schema(), 1);
    String huber = TestSpark.DECAY.replace("loss    mse", "loss    huber(1.0)");

    IllegalArgumentException notLeastSquares = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.fitGroups(data, huber, "g", spec("lm")));
    IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
        () -> spec("lm").withValidationFraction(0.2));
    IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class,
        () -> spec("newton").withOption("lr", "0.1"));

    assertThat(notLeastSquares).hasMessageThat().isEqualTo("model.sg: error: lm fits a sum of "
        + "squares of residuals, loss mse; this model's loss is huber(1.0); --optimizer newton "
        + "fits any smooth loss");
    assertThat(split).hasMessageThat().startsWith("--val-fraction cannot be used with "
        + "--optimizer lm");
    assertThat(tolerance).hasMessageThat().contains("'lr'");
  }

  @Test
  void newtonOnAnyLossHasNoStandardErrorColumns() {
    Dataset<Row> data = TestSpark.frame(interleaved(groups()), schema(), 2);
    String huber = TestSpark.DECAY.replace("loss    mse", "loss    huber(1.0)");

    Dataset<Row> fits = SymgradSpark.fitGroups(data, huber, "g", spec("newton"));

    assertThat(fits.columns()).asList().containsNoneOf("stderr_a", "rss", "dof");
    for (Row row : fits.collectAsList()) {
      assertThat(row.getString(row.fieldIndex("stopped"))).isEqualTo("converged");
    }
  }
}
