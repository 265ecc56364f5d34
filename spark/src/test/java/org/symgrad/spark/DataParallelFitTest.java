package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainingResult;

/**
 * The data-parallel fit against the single-JVM chunked fit ({@code --threads}) of the same
 * rows, over several chunks of training and validation rows whose boundaries fall inside
 * partitions.
 */
class DataParallelFitTest {
  // 4 chunks of training rows and 1 of validation rows, the last ones partial.
  private static final List<Row> ROWS = TestSpark.thermometerRows(15_000, 11, 0.5556, -17.8);

  private static double relative(double actual, double expected) {
    return Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
  }

  private static void assertClose(SparkFitResult actual, TrainingResult expected) {
    for (int i = 0; i < expected.params().length; i++) {
      assertThat(relative(actual.params()[i], expected.params()[i])).isAtMost(1e-12);
    }
    assertThat(relative(actual.trainLoss(), expected.trainLoss())).isAtMost(1e-12);
    if (expected.valLoss() == null) {
      assertThat(actual.valLoss()).isNull();
    } else {
      assertThat(relative(actual.valLoss(), expected.valLoss())).isAtMost(1e-12);
    }
    assertThat(actual.epochs()).isEqualTo(expected.epochs());
    assertThat(actual.stopReason()).isEqualTo(expected.stopReason());
  }

  private static TrainingResult singleJvm(FitSpec spec) {
    CompiledModel model = Symgrad.compile(Symgrad.parse(TestSpark.THERMOMETER, "model.sg"));
    double[][] columns = new double[2][ROWS.size()];
    for (int r = 0; r < ROWS.size(); r++) {
      columns[0][r] = ROWS.get(r).getDouble(0);
      columns[1][r] = ROWS.get(r).getDouble(1);
    }
    Trainer trainer = new Trainer(spec.trainerOptions().toBuilder().threads(2).build());
    return trainer.fit(model, new org.symgrad.runtime.Dataset(List.of("t_u", "t_c"), columns),
        model.info().initialParameters(spec.seed()), spec.newOptimizer(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "adam", "lbfgs"})
  void equalsTheSingleJvmChunkedFitAndIsTheSameForOneThreeAndEightPartitions(String optimizer) {
    FitSpec spec = FitSpec.defaults().withOptimizer(optimizer).withEpochs(8).withSeed(4);
    if (optimizer.equals("adam")) {
      spec = spec.withOption("lr", "0.5");
    }

    List<SparkFitResult> results = new ArrayList<>();
    for (int partitions : new int[] {1, 3, 8}) {
      Dataset<Row> data = TestSpark.frame(ROWS, TestSpark.thermometerSchema(), partitions);
      results.add(SymgradSpark.fit(data, TestSpark.THERMOMETER, spec));
    }

    assertClose(results.get(0), singleJvm(spec));
    for (SparkFitResult other : results.subList(1, 3)) {
      assertThat(other.params()).isEqualTo(results.get(0).params());
      assertThat(other.trainLoss()).isEqualTo(results.get(0).trainLoss());
      assertThat(other.valLoss()).isEqualTo(results.get(0).valLoss());
    }
  }

  @Test
  void earlyStoppingAndDivergenceStopAsTheTrainerDoes() {
    Dataset<Row> data = TestSpark.frame(ROWS, TestSpark.thermometerSchema(), 3);
    FitSpec patient = FitSpec.defaults().withOptimizer("adam").withOption("lr", "2")
        .withEpochs(40).withEarlyStopping(2);
    FitSpec wild = FitSpec.defaults().withOption("lr", "50").withEpochs(10);

    SparkFitResult stopped = SymgradSpark.fit(data, TestSpark.THERMOMETER, patient);
    SparkFitResult diverged = SymgradSpark.fit(data, TestSpark.THERMOMETER, wild);

    assertClose(stopped, singleJvm(patient));
    assertClose(diverged, singleJvm(wild));
    assertThat(diverged.divergence()).isEqualTo(singleJvm(wild).divergence());
  }

  @Test
  void nanValuesAndMissingColumnsAreRefusedByName() {
    List<Row> rows = new ArrayList<>(ROWS.subList(0, 20));
    rows.set(7, RowFactory.create(Double.NaN, 1.0));
    rows.set(9, RowFactory.create(null, 1.0));
    Dataset<Row> data = TestSpark.frame(rows, TestSpark.thermometerSchema(), 2);

    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.fit(data, TestSpark.THERMOMETER, FitSpec.defaults()));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> SymgradSpark.fit(data.drop("t_u"), TestSpark.THERMOMETER, FitSpec.defaults()));

    assertThat(nan).hasMessageThat().isEqualTo("column 't_u' is empty or NaN in 2 rows");
    assertThat(missing).hasMessageThat().isEqualTo("missing column 't_u'; the data has 't_c'");
  }
}
