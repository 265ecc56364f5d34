package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FitStatistics}: degrees of freedom and what is said when statistics are undefined. */
class FitStatisticsTest {
  // JᵀJ of the line a + b t on the rows t = 1, 2, 3: columns (1, t).
  private static final double[] LINE_3_ROWS = {3, 6, 6, 14};

  @Test
  void aLineOnThreeRowsHasOneDegreeOfFreedomAndStandardErrors() {
    FitStatistics stats = FitStatistics.of(LINE_3_ROWS, 0.5, 3, List.of("a", "b"));
    assertThat(stats.dof()).isEqualTo(1);
    assertThat(stats.residualSd()).isWithin(1e-15).of(Math.sqrt(0.5));
    assertThat(stats.stderr()[0]).isGreaterThan(0.0);
    assertThat(stats.problem()).isEmpty();
  }

  @Test
  void fewerRowsThanParametersLeaveZeroDegreesOfFreedomNeverANegativeCount() {
    // The line a + b t through the one row t = 1: JᵀJ = [[1, 1], [1, 1]].
    FitStatistics one = FitStatistics.of(new double[] {1, 1, 1, 1}, 0, 1, List.of("a", "b"));
    assertThat(one.dof()).isEqualTo(0);
    assertThat(one.residualSd()).isNaN();
    for (double e : one.stderr()) {
      assertThat(e).isNaN();
    }
    for (double c : one.covariance()) {
      assertThat(c).isNaN();
    }
    assertThat(one.problem()).isEqualTo("no standard errors: 1 row for 2 parameters leaves no "
        + "degrees of freedom; JᵀJ is singular: b is not identifiable apart from a");

    // Three rows for five parameters: a quartic through three points.
    double[] t = {1, 2, 3};
    double[] jtj = new double[25];
    for (double ti : t) {
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          jtj[i * 5 + j] += Math.pow(ti, i) * Math.pow(ti, j);
        }
      }
    }
    FitStatistics three = FitStatistics.of(jtj, 0, 3, List.of("c0", "c1", "c2", "c3", "c4"));
    assertThat(three.dof()).isEqualTo(0);
    assertThat(three.residualSd()).isNaN();
    assertThat(three.problem()).startsWith("no standard errors: 3 rows for 5 parameters leave "
        + "no degrees of freedom; JᵀJ is singular: ");
  }

  @Test
  void asManyRowsAsParametersLeaveNone() {
    // The line through t = 1, 2: JᵀJ = [[2, 3], [3, 5]], not singular.
    FitStatistics stats = FitStatistics.of(new double[] {2, 3, 3, 5}, 0, 2, List.of("a", "b"));
    assertThat(stats.dof()).isEqualTo(0);
    assertThat(stats.residualSd()).isNaN();
    assertThat(stats.notIdentifiable()).isEmpty();
    assertThat(stats.problem()).isEqualTo("no standard errors: 2 rows for 2 parameters leave no "
        + "degrees of freedom");
  }

  @Test
  void aSingularMatrixWithDegreesOfFreedomNamesOnlyWhatCannotBeEstimated() {
    // a * b * t on t = 1, 2, 3: the columns (b t, a t) at a = b = 1 are equal.
    FitStatistics stats = FitStatistics.of(new double[] {14, 14, 14, 14}, 0.1, 3,
        List.of("a", "b"));
    assertThat(stats.dof()).isEqualTo(1);
    assertThat(stats.problem()).isEqualTo("JᵀJ is singular: b is not identifiable apart from a "
        + "(no standard error for b)");
  }
}
