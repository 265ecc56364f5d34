package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.FusedObjective;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.testing.NistFile;

/**
 * The fused problems say that a solver may value its trial points with the derivative pass
 * ({@code normalEquationsAtTrials}, {@code derivativesAtTrials}), which keeps a fit's path only
 * if that pass's value is the value pass's to the bit. Checked here on every NIST problem at
 * both starts and the certified point, on every sample, and on random models.
 */
class TrialValuesTest {
  private static final Path NIST = Path.of("src/test/resources/nist");

  @Test
  void normalEquationsGiveTheSumOfSquaresBitsOnEveryNistProblem() {
    List<String> names = NistFile.available(NIST);
    for (String name : names) {
      NistFile problem = NistFile.read(NIST, name);
      ModelDefinition definition = Symgrad.parseFile(NIST.resolve(name + ".sg"));
      CompiledModel model = Symgrad.compile(definition);
      ResidualProblem residuals = SecondOrderProblems.residuals(definition,
          problem.data().batchFor(model.info(), true), 1);
      assertWithMessage(name).that(residuals.normalEquationsAtTrials()).isTrue();
      for (double[] x : List.of(problem.start1(), problem.start2(), problem.certified())) {
        assertSameResidualBits(residuals, x, name);
      }
    }
    assertThat(names.size()).isAtLeast(27);
  }

  @Test
  void theNewtonKernelGivesTheObjectiveBitsOnEverySample() {
    List<Path> files = Fixtures.sampleModels();
    for (Path file : files) {
      ModelDefinition definition = Symgrad.parseFile(file);
      CompiledModel model = Symgrad.compile(definition);
      Batch batch = Fixtures.batch(model, Fixtures.sampleData(file, definition));
      FusedObjective objective = SecondOrderProblems.objective(definition, batch, 1);
      if (objective.derivativesAtTrials()) {
        assertSameObjectiveBits(objective, Fixtures.near(model.info().initialParameters(1), 9),
            file.toString());
      }
    }
    assertThat(files.size()).isAtLeast(8);
  }

  @Property(tries = 30)
  void randomModelsGiveTheSameBitsFromBothPasses(
      @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random random = new Random(seed);
    String expression = RandomExpressionDerivativesTest.expression(random, 4);
    String penalty = random.nextBoolean() ? "0.01 * (a^2 + b * c)" : "0";
    String loss = random.nextBoolean() ? "mse" : "log1p((pred - target)^2)";
    ModelDefinition definition = RandomProblem.model(expression, loss, penalty);
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = RandomProblem.batch(random, model, 1 + random.nextInt(600));
    double[] params = {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1,
        random.nextDouble() * 2 - 1};
    String context = "model " + expression + ", loss " + loss + ", penalty " + penalty;
    assertSameObjectiveBits(SecondOrderProblems.objective(definition, batch, 1), params,
        context);
    if (loss.equals("mse") && penalty.equals("0")) {
      assertSameResidualBits(SecondOrderProblems.residuals(definition, batch, 1), params,
          context);
    }
  }

  private static void assertSameResidualBits(ResidualProblem residuals, double[] x,
      String context) {
    int p = residuals.size();
    double fromNormalEquations = residuals.normalEquations(x, new double[p], new double[p * p]);
    assertWithMessage("%s at %s", context, java.util.Arrays.toString(x))
        .that(Double.doubleToRawLongBits(fromNormalEquations))
        .isEqualTo(Double.doubleToRawLongBits(residuals.rss(x)));
  }

  private static void assertSameObjectiveBits(FusedObjective objective, double[] x,
      String context) {
    int p = objective.size();
    double fromNewton = objective.derivatives(x, new double[p], new double[p * p]);
    assertWithMessage("%s at %s", context, java.util.Arrays.toString(x))
        .that(Double.doubleToRawLongBits(fromNewton))
        .isEqualTo(Double.doubleToRawLongBits(objective.value(x)));
  }
}
