package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.testing.NistFile;

/**
 * The NIST StRD nonlinear regression problems whose data is in {@code
 * src/test/resources/nist}: {@code lm} with its default tolerances, from both official
 * starting points, converges and reaches every certified parameter and the certified residual
 * sum of squares to at least 6 significant digits (NIST's log relative error ≥ 6), or, where
 * the certified RSS is at the rounding level of the data, to within that rounding. It runs
 * the fused normal-equations kernel, as {@code symgrad fit} does.
 */
class NistLevenbergMarquardtTest {
  private static final double DIGITS = 6;
  private static final Path DIRECTORY = Path.of("src/test/resources/nist");

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (String name : NistFile.available(DIRECTORY)) {
      runs.add(Arguments.of(name, 1));
      runs.add(Arguments.of(name, 2));
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} from start {1}")
  @MethodSource("runs")
  void reachesTheCertifiedValues(String name, int start) {
    NistFile problem = NistFile.read(DIRECTORY, name);
    ModelDefinition definition =
        Symgrad.parseFile(DIRECTORY.resolve(name + ".sg"));
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = problem.data().batchFor(model.info(), true);
    ResidualProblem residuals = SecondOrderProblems.residuals(definition, batch, 1);
    double[] from = problem.start(start);
    SolverResult fit = LevenbergMarquardt.minimize(residuals, from, Tolerances.defaults(1000));

    String context = name + " from start " + start + ": " + fit.reason() + " after "
        + fit.iterations() + " iterations, " + fit.evaluations() + " evaluations, params "
        + java.util.Arrays.toString(fit.params());
    assertWithMessage("converged, %s", context).that(fit.converged()).isTrue();
    double[] params = fit.params();
    for (int k = 0; k < params.length; k++) {
      assertWithMessage("digits of b%s, %s", k + 1, context)
          .that(NistFile.lre(params[k], problem.certified()[k])).isAtLeast(DIGITS);
    }
    double rss = 2 * fit.value();
    if (Math.abs(rss - problem.certifiedRss()) > roundingLimit(problem)) {
      assertWithMessage("digits of the RSS, %s", context)
          .that(NistFile.lre(rss, problem.certifiedRss())).isAtLeast(DIGITS);
    }
  }

  // How far a double-precision RSS can be from the exact one however exact the parameters:
  // each residual r = pred - y carries a rounding error of a few ulps of y, which moves the
  // RSS by about 2 √(n RSS) · that. It matters only where the certified RSS is itself at
  // rounding level (Lanczos1: 1.4e-25, residuals of 8e-14 against data of size 2.5).
  private static double roundingLimit(NistFile problem) {
    double[] y = problem.response();
    double largest = 0;
    for (double v : y) {
      largest = Math.max(largest, Math.abs(v));
    }
    double perResidual = 8 * Math.ulp(largest);
    return 2 * Math.sqrt(y.length * problem.certifiedRss()) * perResidual
        + y.length * perResidual * perResidual;
  }
}
