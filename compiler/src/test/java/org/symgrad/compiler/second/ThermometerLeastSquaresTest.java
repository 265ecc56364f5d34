package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.lsq.FitStatistics;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SecondOrderProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.optim.lsq.TrustRegionNewton;

/**
 * The book's thermometer on raw {@code t_u}, where SGD diverges: {@code lm} and {@code
 * newton} reach the closed-form least-squares line to 1e-12 relative in at most 5 iterations.
 */
class ThermometerLeastSquaresTest {
  private static final Path MODEL = Path.of("../samples/thermometer/thermometer_raw.sg");

  @Test
  void levenbergMarquardtFindsTheClosedFormLine() {
    ModelDefinition definition = Symgrad.parseFile(MODEL);
    CompiledModel model = Symgrad.compile(definition);
    Dataset data = Fixtures.sampleData(MODEL, definition);
    Batch batch = Fixtures.batch(model, data);
    ResidualProblem residuals = SecondOrderProblems.residuals(definition, batch, 1);
    SolverResult fit = LevenbergMarquardt.minimize(residuals,
        model.info().initialParameters(0), Tolerances.defaults(100));

    double[] line = closedForm(data.column("t_u"), data.column("t_c"));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.iterations()).isAtMost(5);
    assertThat(fit.params()[0]).isWithin(1e-12 * Math.abs(line[0])).of(line[0]);
    assertThat(fit.params()[1]).isWithin(1e-12 * Math.abs(line[1])).of(line[1]);

    double[] jtr = new double[2];
    double[] jtj = new double[4];
    double rss = residuals.normalEquations(fit.params(), jtr, jtj);
    FitStatistics stats = FitStatistics.of(jtj, rss, batch.size(), List.of("w", "b"));
    assertThat(stats.dof()).isEqualTo(batch.size() - 2);
    assertThat(stats.problem()).isEmpty();
    // The textbook standard error of the slope: s / √Σ(t - mean)².
    double[] t = data.column("t_u");
    double mean = 0;
    for (double v : t) {
      mean += v / t.length;
    }
    double sxx = 0;
    for (double v : t) {
      sxx += (v - mean) * (v - mean);
    }
    assertThat(stats.stderr()[0])
        .isWithin(1e-9 * stats.stderr()[0]).of(stats.residualSd() / Math.sqrt(sxx));
  }

  @Test
  void newtonFindsTheSameLine() {
    ModelDefinition definition = Symgrad.parseFile(MODEL);
    CompiledModel model = Symgrad.compile(definition);
    Dataset data = Fixtures.sampleData(MODEL, definition);
    Batch batch = Fixtures.batch(model, data);
    SecondOrderProblem objective = SecondOrderProblems.objective(definition, batch, 1);
    SolverResult fit = TrustRegionNewton.minimize(objective,
        model.info().initialParameters(0), Tolerances.defaults(100));
    double[] line = closedForm(data.column("t_u"), data.column("t_c"));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.iterations()).isAtMost(5);
    assertThat(fit.params()[0]).isWithin(1e-12 * Math.abs(line[0])).of(line[0]);
    assertThat(fit.params()[1]).isWithin(1e-12 * Math.abs(line[1])).of(line[1]);
  }

  // Slope and intercept of the least-squares line, by centred sums.
  private static double[] closedForm(double[] t, double[] y) {
    double mt = 0;
    double my = 0;
    for (int i = 0; i < t.length; i++) {
      mt += t[i] / t.length;
      my += y[i] / t.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < t.length; i++) {
      sxy += (t[i] - mt) * (y[i] - my);
      sxx += (t[i] - mt) * (t[i] - mt);
    }
    double slope = sxy / sxx;
    return new double[] {slope, my - slope * mt};
  }
}
