package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;
import org.symgrad.runtime.optim.lsq.FusedResiduals;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;

/**
 * {@code lm} on linear models at and past {@link SecondOrderProblems#FUSED_NORMAL_EQUATIONS_LIMIT}
 * parameters: up to it the normal equations are summed in the generated loop, past it from the
 * Jacobian kernel (whose code grows with {@code p}, not {@code p²}); either way the fit
 * recovers the coefficients of noiseless data.
 */
class WideLeastSquaresTest {

  @ParameterizedTest
  @ValueSource(ints = {SecondOrderProblems.FUSED_NORMAL_EQUATIONS_LIMIT - 1,
      SecondOrderProblems.FUSED_NORMAL_EQUATIONS_LIMIT + 1})
  void recoversTheCoefficientsOnEitherSideOfTheLimit(int parameters) {
    int features = parameters - 1;
    ModelDefinition model = Symgrad.parse("input x[" + features + "]\ntarget y\nparam w["
        + features + "]\nparam b = 0\nmodel sum(k, w[k] * x[k]) + b\nloss mse\n", "wide.sg");
    Random random = new Random(parameters);
    int rows = parameters + 50;
    double[] truth = new double[features];
    for (int k = 0; k < features; k++) {
      truth[k] = random.nextGaussian();
    }
    double[][] columns = new double[features + 1][rows];
    for (int r = 0; r < rows; r++) {
      double y = 0.5;
      for (int k = 0; k < features; k++) {
        columns[k][r] = random.nextGaussian();
        y += truth[k] * columns[k][r];
      }
      columns[features][r] = y;
    }
    Batch batch = Batch.of(columns, rows);

    ResidualProblem residuals = SecondOrderProblems.residuals(model, batch, 1);
    SolverResult fit = LevenbergMarquardt.minimize(residuals, new double[parameters],
        Tolerances.defaults(50));

    assertThat(residuals).isInstanceOf(
        SecondOrderProblems.fusesNormalEquations(parameters)
            ? FusedResiduals.class : CompiledResiduals.class);
    for (int k = 0; k < features; k++) {
      assertWithMessage("w[%s]", k).that(fit.params()[k]).isWithin(1e-9).of(truth[k]);
    }
    assertWithMessage("b").that(fit.params()[features]).isWithin(1e-9).of(0.5);
  }
}
