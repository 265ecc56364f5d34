package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.symgrad.runtime.train.StopReason;

/**
 * {@code lm} and {@code newton} on all rows, their sums gathered from the partitions: the same
 * bits for 1, 3 and 8 partitions; equal to the single-JVM solver on the same rows to 1e-12
 * relative over several chunks (the thermometer, a linear least-squares problem, whose
 * solution does not hang on the solver's last, rounding-level, stopping test), and to the bit
 * on one chunk of a nonlinear model, where the sums are the single JVM's own.
 */
class DataParallelSecondOrderTest {
  // Three chunks of rows, whose boundaries fall inside partitions.
  private static final List<Row> ROWS = TestSpark.thermometerRows(10_000, 21, 0.5556, -17.8);

  private static double relative(double actual, double expected) {
    return Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
  }

  private record Reference(SolverResult fit, FitStatistics stats, double trainLoss) {}

  /** symgrad fit --optimizer lm|newton on the same rows, one JVM. */
  private static Reference singleJvm(String text, List<Row> rows, boolean lm) {
    ModelDefinition definition = Symgrad.parse(text, "model.sg");
    CompiledModel model = Symgrad.compile(definition);
    double[][] columns = new double[2][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      columns[0][r] = rows.get(r).getDouble(0);
      columns[1][r] = rows.get(r).getDouble(1);
    }
    Batch batch = Batch.of(columns, rows.size());
    // The kernels symgrad fit --optimizer lm|newton runs (SecondOrderFit in the CLI).
    ResidualProblem residuals = SecondOrderProblems.residuals(definition, batch, 1);
    double[] start = model.info().initialParameters(0);
    Tolerances tolerances = Tolerances.parse(Map.of(), 50);
    SolverResult fit = lm ? LevenbergMarquardt.minimize(residuals, start, tolerances)
        : TrustRegionNewton.minimize(
            SecondOrderProblems.objective(definition, batch, 1), start, tolerances);
    int p = start.length;
    double[] jtr = new double[p];
    double[] jtj = new double[p * p];
    double rss = residuals.normalEquations(fit.params(), jtr, jtj);
    return new Reference(fit, FitStatistics.of(jtj, rss, rows.size(),
        Symgrad.parameterNames(definition)), model.loss(fit.params(), batch));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lm", "newton"})
  void equalsTheSingleJvmSolverAndIsTheSameForOneThreeAndEightPartitions(String optimizer) {
    FitSpec spec = FitSpec.defaults().withOptimizer(optimizer).withEpochs(50);

    List<SparkFitResult> results = new ArrayList<>();
    for (int partitions : new int[] {1, 3, 8}) {
      Dataset<Row> data = TestSpark.frame(ROWS, TestSpark.thermometerSchema(), partitions);
      results.add(SymgradSpark.fit(data, TestSpark.THERMOMETER, spec));
    }

    Reference want = singleJvm(TestSpark.THERMOMETER, ROWS, optimizer.equals("lm"));
    SparkFitResult first = results.get(0);
    assertThat(first.stopReason()).isEqualTo(StopReason.CONVERGED);
    // The default tolerances (1e-14) stop at rounding level, where the chunked sums and the
    // one running sum may disagree on whether one more, vanishing, step is needed.
    assertThat(Math.abs(first.epochs() - want.fit().iterations())).isAtMost(1);
    for (int i = 0; i < 2; i++) {
      assertThat(relative(first.params()[i], want.fit().params()[i])).isAtMost(1e-12);
      assertThat(relative(first.statistics().stderr()[i], want.stats().stderr()[i]))
          .isAtMost(1e-12);
    }
    assertThat(relative(first.trainLoss(), want.trainLoss())).isAtMost(1e-12);
    assertThat(relative(first.statistics().rss(), want.stats().rss())).isAtMost(1e-12);
    assertThat(first.statistics().dof()).isEqualTo(ROWS.size() - 2);
    assertThat(first.valLoss()).isNull();
    assertThat(first.error()).isNull();
    assertThat(first.checkpoint()).isNull();
    for (SparkFitResult other : results.subList(1, 3)) {
      assertThat(other.params()).isEqualTo(first.params());
      assertThat(other.trainLoss()).isEqualTo(first.trainLoss());
      assertThat(other.statistics().stderr()).isEqualTo(first.statistics().stderr());
      assertThat(other.statistics().rss()).isEqualTo(first.statistics().rss());
      assertThat(other.epochs()).isEqualTo(first.epochs());
    }
  }

  @Test
  void onOneChunkLmIsTheSingleJvmFitToTheBit() {
    List<Row> rows = TestSpark.decayRows(3_000, 5, 3, 0.4, 0.5);
    Dataset<Row> data = TestSpark.frame(rows, TestSpark.decaySchema(), 3);

    SparkFitResult fit = SymgradSpark.fit(data, TestSpark.DECAY,
        FitSpec.defaults().withOptimizer("lm").withEpochs(50));

    Reference want = singleJvm(TestSpark.DECAY, rows, true);
    assertThat(fit.params()).isEqualTo(want.fit().params());
    assertThat(fit.epochs()).isEqualTo(want.fit().iterations());
    assertThat(fit.statistics().stderr()).isEqualTo(want.stats().stderr());
    assertThat(fit.statistics().rss()).isEqualTo(want.stats().rss());
  }
}
