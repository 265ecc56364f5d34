package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The compiled gradient of vector models against central differences of the compiled loss,
 * for every element of every parameter, to 1e-6 relative; the classification losses also at
 * logits of ±500, where a naive softmax or log(sigmoid) overflows.
 */
class VectorGradientsTest {
  private static final double TOLERANCE = 1e-6;

  @Test
  void everyElementOfEveryParameter() {
    List<ModelDefinition> models = List.of(VectorModels.mlp13(), VectorModels.softmax3(),
        VectorModels.logistic(), VectorModels.mlp(7, 3), VectorModels.linear(6));
    for (ModelDefinition definition : models) {
      CompiledModel model = Symgrad.compile(definition);
      Random random = new Random(definition.name().hashCode());
      for (int trial = 0; trial < 3; trial++) {
        Batch batch = VectorModels.batch(definition, random, 7);
        double[] params = model.info().initialParameters(trial);
        for (int i = 0; i < params.length; i++) {
          params[i] += random.nextGaussian() * 0.5; // off the initializers' small values
        }
        assertGradientMatches(model, params, batch, definition.name() + " trial " + trial);
      }
    }
  }

  @Test
  void splitKernelsToo() {
    ModelDefinition definition = VectorModels.mlp(7, 3);
    CompiledModel model = ModelClassDefiner.define(Lowering.lower(definition, 300));
    Batch batch = VectorModels.batch(definition, new Random(2), 5);
    assertGradientMatches(model, model.info().initialParameters(4), batch, "split mlp");
  }

  @Test
  void crossEntropyAtLogitsOfPlusMinus500() {
    CompiledModel model = Symgrad.compile(VectorModels.softmax3());
    // W = 0, c = (500, -500, 0): the logits are exactly 500, -500 and 0 on every row.
    double[] params = {0, 0, 0, 0, 0, 0, 500, -500, 0};
    Batch batch = Batch.of(new double[][] {{0.5, -1, 2}, {1, 0.25, -0.5}, {0, 1, 2}}, 3);
    double[] grad = new double[params.length];
    double loss = model.lossAndGradient(params, batch, grad);
    // Row by row: -log softmax = logsumexp - the target's logit = 500 - o[label], to within
    // e^-500; so 0, 1000 and 500, whose mean is 500.
    assertThat(loss).isWithin(1e-9).of(500);
    for (double g : grad) {
      assertThat(Double.isFinite(g)).isTrue();
    }
    // dL/dc[k] = mean(softmax[k] - eq(label, k)), softmax = (1, 0, 0) to within e^-500.
    assertThat(grad[6]).isWithin(1e-12).of((0 + 1 + 1) / 3.0);
    assertThat(grad[7]).isWithin(1e-12).of(-1 / 3.0);
    assertThat(grad[8]).isWithin(1e-12).of(-1 / 3.0);
    assertGradientMatches(model, params, batch, "cross_entropy at ±500");
  }

  @Test
  void bceWithLogitsAtPlusMinus500() {
    CompiledModel model = Symgrad.compile(VectorModels.logistic());
    Batch batch = Batch.of(new double[][] {{1, 1}, {0, 0}, {0, 0}, {0, 1}}, 2);
    for (double logit : new double[] {500, -500}) {
      double[] params = {logit, 0, 0, 0}; // w[0] * f1 = ±500 on both rows, f2 = f3 = 0
      double[] grad = new double[params.length];
      double loss = model.lossAndGradient(params, batch, grad);
      // One row wrong by 500, one right by e^-500; the penalty is 0.01 * 500^2 = 2500.
      assertThat(loss).isWithin(1e-9).of(250 + 2500);
      for (double g : grad) {
        assertThat(Double.isFinite(g)).isTrue();
      }
      assertGradientMatches(model, params, batch, "bce_logits at " + logit);
    }
  }

  static void assertGradientMatches(CompiledModel model, double[] params, Batch batch,
      String context) {
    double[] grad = new double[params.length];
    double loss = model.lossAndGradient(params.clone(), batch, grad);
    assertWithMessage("%s: the fused loss", context).that(loss)
        .isEqualTo(model.loss(params.clone(), batch));
    for (int i = 0; i < params.length; i++) {
      double h = 1e-6 * Math.max(1, Math.abs(params[i]));
      double[] plus = params.clone();
      double[] minus = params.clone();
      plus[i] += h;
      minus[i] -= h;
      double numeric = (model.loss(plus, batch) - model.loss(minus, batch)) / (plus[i] - minus[i]);
      double scale = Math.max(1e-3, Math.abs(numeric));
      assertWithMessage("%s: dL/d%s (element %s): compiled %s, central difference %s", context,
          parameterOf(model, i), i, grad[i], numeric)
          .that(Math.abs(grad[i] - numeric) / scale).isLessThan(TOLERANCE);
    }
  }

  private static String parameterOf(CompiledModel model, int flat) {
    return model.info().parameters().stream()
        .filter(p -> flat >= p.offset() && flat < p.offset() + p.size())
        .map(p -> p.name() + (p.isScalar() ? "" : "[" + (flat - p.offset()) + "]"))
        .findFirst().orElse("?");
  }
}
