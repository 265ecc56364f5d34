package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The compiled gradient of random models over the whole grammar equals central finite
 * differences of the compiled loss, wherever the model is smooth; and the compiled loss is
 * the graph's own value, averaged.
 *
 * <p>A point is judged only where {@link Smoothness} says every operation is away from its
 * kinks, poles and domain edges (each model gets several tries at finding one), and where
 * differences with two step sizes agree with each other: a wrong symbolic gradient disagrees
 * with both, while a point where differencing itself is unreliable (large curvature, heavy
 * rounding) is skipped rather than allowed to fail or pass by luck.
 */
class GradientPropertyTest {
  private static final double STEP = 1e-5;
  private static final double TOLERANCE = 1e-5;

  @Provide
  Arbitrary<ModelRecipe> models() {
    return ModelRecipe.models(ExpressionRecipe.Constants.MODERATE, 8);
  }

  @Property(tries = 400)
  void compiledGradientMatchesCentralDifferences(@ForAll("models") ModelRecipe recipe,
      @ForAll long seed) {
    ModelDefinition definition = recipe.definition("random.sg");
    CompiledModel model = Symgrad.compile(definition);
    Random random = new Random(seed);
    for (int attempt = 0; attempt < 20; attempt++) {
      double[] params = ModelRecipe.params(random);
      Batch batch = ModelRecipe.batch(random, 1 + random.nextInt(4));
      if (smooth(definition, recipe, params, batch)) {
        int judged = check(model, definition, recipe, params, batch);
        collectAndGuard(judged > 0 ? "judged" : "no partial judged");
        return;
      }
    }
    collectAndGuard("no smooth point found");
  }

  // Without this guard the property would pass having checked nothing if the smoothness
  // filter or the two-step agreement rejected every point.
  private static void collectAndGuard(String outcome) {
    Statistics.label("models").collect(outcome);
    Statistics.label("models").coverage(
        coverage -> coverage.check("judged").percentage(p -> p >= 50.0));
  }

  /** Checks every partial the differences can judge; returns how many were judged. */
  private static int check(CompiledModel model, ModelDefinition definition, ModelRecipe recipe,
      double[] params, Batch batch) {
    double[] grad = new double[3];
    double loss = model.loss(params.clone(), batch);
    double fused = model.lossAndGradient(params.clone(), batch, grad);
    String context = recipe.text() + "at params " + java.util.Arrays.toString(params)
        + ", rows " + rows(batch);
    // The fused pass returns exactly what loss() does.
    assertWithMessage("lossAndGradient's loss vs loss() for\n%s", context)
        .that(Double.doubleToRawLongBits(fused)).isEqualTo(Double.doubleToRawLongBits(loss));
    double expected = graphLoss(definition, recipe, params, batch);
    assertWithMessage("compiled loss vs the graph evaluated row by row for\n%s", context)
        .that(loss).isWithin(1e-9 * Math.max(1, Math.abs(expected))).of(expected);
    int judged = 0;
    for (int k = 0; k < 3; k++) {
      double h = STEP * Math.max(1, Math.abs(params[k]));
      double coarse = centralDifference(model, params, batch, k, h);
      double fine = centralDifference(model, params, batch, k, h / 4);
      double scale = Math.max(Math.abs(fine), 1e-2 * Math.max(1, Math.abs(loss)));
      if (Math.abs(coarse - fine) > TOLERANCE * scale) {
        Statistics.collect("differences disagree");
        continue;
      }
      assertWithMessage("d loss / d %s: compiled vs central differences, for\n%s",
          recipe.parameters().get(k), context)
          .that(grad[k]).isWithin(10 * TOLERANCE * scale).of(fine);
      judged++;
    }
    return judged;
  }

  private static boolean smooth(ModelDefinition definition, ModelRecipe recipe, double[] params,
      Batch batch) {
    Map<String, Double> point = new HashMap<>();
    for (int k = 0; k < 3; k++) {
      point.put(recipe.parameters().get(k), params[k]);
    }
    if (!Smoothness.smoothAt(definition.penalty(), point)) {
      return false;
    }
    for (int r = 0; r < batch.size(); r++) {
      if (!Smoothness.smoothAt(definition.sampleLoss(), row(recipe, point, batch, r))) {
        return false;
      }
    }
    return true;
  }

  // The mean of the per-row loss plus the penalty, by the interpreter: no simplifier, no IR.
  private static double graphLoss(ModelDefinition definition, ModelRecipe recipe,
      double[] params, Batch batch) {
    Map<String, Double> point = new HashMap<>();
    for (int k = 0; k < 3; k++) {
      point.put(recipe.parameters().get(k), params[k]);
    }
    double sum = 0;
    for (int r = 0; r < batch.size(); r++) {
      sum += Evaluator.evaluate(definition.sampleLoss(), row(recipe, point, batch, r));
    }
    return sum / batch.size() + Evaluator.evaluate(definition.penalty(), point);
  }

  private static Map<String, Double> row(ModelRecipe recipe, Map<String, Double> params,
      Batch batch, int r) {
    Map<String, Double> point = new HashMap<>(params);
    List<String> columns = List.of(recipe.inputs().get(0), recipe.inputs().get(1),
        recipe.target());
    for (int c = 0; c < 3; c++) {
      point.put(columns.get(c), batch.column(c)[r]);
    }
    return point;
  }

  private static double centralDifference(CompiledModel model, double[] params, Batch batch,
      int k, double h) {
    double[] plus = params.clone();
    double[] minus = params.clone();
    plus[k] += h;
    minus[k] -= h;
    return (model.loss(plus, batch) - model.loss(minus, batch)) / (plus[k] - minus[k]);
  }

  private static String rows(Batch batch) {
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < batch.size(); r++) {
      text.append(String.format("(%s, %s, %s) ", batch.column(0)[r], batch.column(1)[r],
          batch.column(2)[r]));
    }
    return text.toString();
  }
}
