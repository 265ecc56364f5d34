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
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.FusedObjective;

/**
 * The fused Newton kernel (objective, gradient and Hessian summed in the generated loop, the
 * penalty's parts added once) against the model's own loss and gradient and the per-row
 * Hessian kernel: on random models with penalties and other losses, on every sample, and on
 * several chunks on 1, 2 and 7 threads, which must give the same bits.
 */
class FusedNewtonTest {
  @Property(tries = 30)
  void randomModelsMatchTheModelAndTheHessianKernel(
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
    assertMatchesModel(definition, model, batch, params,
        "model " + expression + ", loss " + loss + ", penalty " + penalty);
  }

  @Test
  void everySampleMatchesTheModelAndTheHessianKernel() {
    List<Path> files = Fixtures.sampleModels();
    for (Path file : files) {
      ModelDefinition definition = Symgrad.parseFile(file);
      CompiledModel model = Symgrad.compile(definition);
      Batch batch = Fixtures.batch(model, Fixtures.sampleData(file, definition));
      double[] params = Fixtures.near(model.info().initialParameters(1), 9);
      assertMatchesModel(definition, model, batch, params, file.toString());
    }
    assertThat(files.size()).isAtLeast(8);
  }

  @Test
  void theSameBitsOnOneTwoAndSevenThreads() {
    ModelDefinition definition = Symgrad.parse("""
        input x
        target y
        param w = 0.5
        param b = -0.2
        model w * x + b
        loss bce_logits
        penalty 0.01 * (w^2 + b^2)
        """, "logistic.sg");
    CompiledModel newton = Symgrad.compileSecondOrder(definition, SecondOrderKernel.NEWTON);
    CompiledModel objective =
        Symgrad.compileSecondOrder(definition, SecondOrderKernel.OBJECTIVE);
    Random random = new Random(4);
    int rows = 2 * 4096 + 77;
    double[] x = new double[rows];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      x[r] = random.nextGaussian();
      y[r] = random.nextDouble() < 1 / (1 + Math.exp(-2 * x[r])) ? 1 : 0;
    }
    Batch batch = Batch.of(new double[][] {x, y}, rows);
    double[] params = {0.7, 0.1};
    long[] expected = null;
    for (int threads : new int[] {1, 2, 7}) {
      FusedObjective fused = new FusedObjective(newton, objective, batch, threads);
      double[] gradient = new double[2];
      double[] h = new double[4];
      double value = fused.derivatives(params, gradient, h);
      double[] all = {value, fused.value(params), gradient[0], gradient[1], h[0], h[1], h[3]};
      long[] bits = new long[all.length];
      for (int i = 0; i < all.length; i++) {
        bits[i] = Double.doubleToRawLongBits(all[i]);
      }
      if (expected == null) {
        expected = bits;
        assertMatchesModel(definition, Symgrad.compile(definition), batch, params, "chunks");
      } else {
        assertWithMessage("on %s threads", threads).that(bits).isEqualTo(expected);
      }
    }
  }

  static void assertMatchesModel(ModelDefinition definition, CompiledModel model, Batch batch,
      double[] params, String context) {
    int p = params.length;
    double[] gradient = new double[p];
    double value = model.lossAndGradient(params, batch, gradient);
    if (!Double.isFinite(value)) {
      return; // a random model may overflow; the comparison means nothing there
    }
    double[] hessian = Fixtures.compiledHessian(definition, model, batch, params);
    FusedObjective fused = new FusedObjective(
        Symgrad.compileSecondOrder(definition, SecondOrderKernel.NEWTON),
        Symgrad.compileSecondOrder(definition, SecondOrderKernel.OBJECTIVE), batch, 1);
    double[] fusedGradient = new double[p];
    double[] fusedHessian = new double[p * p];
    double fusedValue = fused.derivatives(params, fusedGradient, fusedHessian);
    double scale = 1e-11 * (1 + Math.abs(value));
    assertWithMessage("%s: objective", context).that(fusedValue).isWithin(scale).of(value);
    assertWithMessage("%s: objective alone", context).that(fused.value(params))
        .isWithin(scale).of(value);
    for (int i = 0; i < p; i++) {
      assertWithMessage("%s: gradient %s", context, i).that(fusedGradient[i])
          .isWithin(1e-11 * (1 + Math.abs(gradient[i]))).of(gradient[i]);
      for (int k = i; k < p; k++) {
        double expected = hessian[i * p + k];
        assertWithMessage("%s: Hessian %s,%s", context, i, k).that(fusedHessian[i * p + k])
            .isWithin(1e-11 * (1 + Math.abs(expected))).of(expected);
      }
    }
  }
}
