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
import org.symgrad.runtime.optim.lsq.HessianVectorProduct;

/**
 * The Hessian-vector kernel (a forward tangent of the simplified gradient along {@code v},
 * summed over the rows) against the dense Hessian kernel times {@code v} and against central
 * differences of the compiled gradient along {@code v}: on random models with penalties and
 * other losses, and on every sample.
 */
class HessianVectorProductTest {
  @Property(tries = 40)
  void randomModelsMatchTheDenseHessianAndDifferences(
      @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random random = new Random(seed);
    String expression = RandomExpressionDerivativesTest.expression(random, 4);
    String penalty = random.nextBoolean() ? "0.01 * (a^2 + b * c) + 0.1 * sin(a * c)" : "0";
    String loss = random.nextBoolean() ? "mse" : "log1p((pred - target)^2)";
    ModelDefinition definition = RandomProblem.model(expression, loss, penalty);
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = RandomProblem.batch(random, model, 1 + random.nextInt(40));
    double[] params = new double[3];
    double[] v = new double[3];
    for (int i = 0; i < 3; i++) {
      params[i] = random.nextDouble() * 2 - 1;
      v[i] = random.nextGaussian();
    }
    assertMatches(definition, model, batch, params, v,
        "model " + expression + ", loss " + loss + ", penalty " + penalty);
  }

  @Test
  void everySampleMatchesTheDenseHessianAndDifferences() {
    List<Path> files = Fixtures.sampleModels();
    for (Path file : files) {
      ModelDefinition definition = Symgrad.parseFile(file);
      CompiledModel model = Symgrad.compile(definition);
      Batch batch = Fixtures.batch(model, Fixtures.sampleData(file, definition));
      double[] params = Fixtures.near(model.info().initialParameters(1), 13);
      Random random = new Random(file.toString().hashCode());
      double[] v = new double[params.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = random.nextGaussian();
      }
      assertMatches(definition, model, batch, params, v, file.toString());
    }
    assertThat(files.size()).isAtLeast(8);
  }

  private static void assertMatches(ModelDefinition definition, CompiledModel model,
      Batch batch, double[] params, double[] v, String context) {
    int p = params.length;
    double[] gradient = new double[p];
    double value = model.lossAndGradient(params, batch, gradient);
    if (!Double.isFinite(value)) {
      return; // a random model may overflow; the comparison means nothing there
    }
    HessianVectorProduct product = SecondOrderProblems.hessianVector(definition, batch, 1);
    double[] hv = new double[p];
    double slope = product.apply(params, v, hv);

    double expectedSlope = 0;
    double slopeScale = 0;
    for (int i = 0; i < p; i++) {
      expectedSlope += gradient[i] * v[i];
      slopeScale += Math.abs(gradient[i] * v[i]);
    }
    assertWithMessage("%s: vᵀ∇f", context).that(slope)
        .isWithin(1e-11 * (1 + slopeScale)).of(expectedSlope);

    double[] dense = Fixtures.compiledHessian(definition, model, batch, params);
    double[] differences = centralDifferences(model, batch, params, v);
    for (int i = 0; i < p; i++) {
      double expected = 0;
      double scale = 0;
      for (int j = 0; j < p; j++) {
        expected += dense[i * p + j] * v[j];
        scale += Math.abs(dense[i * p + j] * v[j]);
      }
      assertWithMessage("%s: (Hv)[%s] against the dense Hessian", context, i).that(hv[i])
          .isWithin(1e-10 * (1 + scale)).of(expected);
      assertWithMessage("%s: (Hv)[%s] against differences of the gradient", context, i)
          .that(hv[i]).isWithin(1e-5 * (1 + scale)).of(differences[i]);
    }
  }

  // (∇f(x + h v) - ∇f(x - h v)) / 2h, the directional derivative of the compiled gradient.
  private static double[] centralDifferences(CompiledModel model, Batch batch, double[] x,
      double[] v) {
    int p = x.length;
    double norm = 0;
    for (double vi : v) {
      norm = Math.max(norm, Math.abs(vi));
    }
    double h = 1e-5 / Math.max(1, norm);
    double[] plus = new double[p];
    double[] minus = new double[p];
    double[] xp = x.clone();
    double[] xm = x.clone();
    for (int i = 0; i < p; i++) {
      xp[i] += h * v[i];
      xm[i] -= h * v[i];
    }
    model.lossAndGradient(xp, batch, plus);
    model.lossAndGradient(xm, batch, minus);
    double[] d = new double[p];
    for (int i = 0; i < p; i++) {
      d[i] = (plus[i] - minus[i]) / (2 * h);
    }
    return d;
  }
}
