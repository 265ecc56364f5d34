package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * For random models over the whole grammar (shared subexpressions, subnormal and huge
 * constants), the bytecode passes ASM's verifier and loads, and javac's class for the
 * generated source gives the same bits from every method, on ordinary data and on rows of
 * NaN, infinities, -0 and the largest doubles.
 *
 * <p>Not a jqwik property: javac is slow to start, so the models are drawn from a seeded
 * {@link Random} and compiled in one run. Set {@code -Dsymgrad.reliability.seed=N} to draw
 * other models.
 */
class EmitterParityTest {
  private static final int MODELS = 80;
  private static final int TRIALS = 12;
  private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MAX_VALUE, -Double.MIN_VALUE, 1e-310, 1e300};

  @Test
  void bytecodeVerifiesAndSourceGivesTheSameBits() {
    long seed = Long.getLong("symgrad.reliability.seed", 20_261_126L);
    Random random = new Random(seed);
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelRecipe> recipes = new LinkedHashMap<>();
    for (int i = 0; i < MODELS; i++) {
      ModelRecipe recipe = ModelRecipe.random(random, ModelRecipe.NAMES,
          ExpressionRecipe.Constants.ANY, 10);
      String className = "Symgrad_Parity" + i;
      recipes.put(className, recipe);
      programs.put(className, Symgrad.lower(recipe.definition("parity" + i + ".sg")));
    }
    programs.forEach((className, program) ->
        EmittedClasses.verifiedBytecode(program, recipes.get(className).text()));
    Map<String, CompiledModel> sources = EmittedClasses.compileSources(programs).models();

    int comparisons = 0;
    int finite = 0;
    for (String className : programs.keySet()) {
      ModelRecipe recipe = recipes.get(className);
      ModelDefinition definition = recipe.definition(className + ".sg");
      CompiledModel bytecode = Symgrad.compile(definition);
      for (int trial = 0; trial < TRIALS; trial++) {
        boolean special = trial % 3 == 2;
        double[] params = special ? specialParams(random) : ModelRecipe.params(random);
        Batch batch = special ? specialBatch(random) : ModelRecipe.batch(random, 1 + trial);
        String context = recipe.text() + "(seed " + seed + ", " + className + ", trial "
            + trial + ")\n" + programs.get(className);
        comparisons++;
        if (EmittedClasses.assertSameBits(bytecode, sources.get(className), params, batch,
            2, context)) {
          finite++;
        }
      }
    }
    // Guard against a generator drifting into comparing nothing but NaN and infinity.
    assertWithMessage("finite results in %s of %s comparisons", finite, comparisons)
        .that(finite).isGreaterThan(comparisons / 4);
  }

  private static double[] specialParams(Random random) {
    double[] params = ModelRecipe.params(random);
    params[random.nextInt(3)] = SPECIAL[random.nextInt(SPECIAL.length)];
    return params;
  }

  private static Batch specialBatch(Random random) {
    double[][] columns = new double[3][SPECIAL.length];
    for (double[] column : columns) {
      for (int r = 0; r < column.length; r++) {
        column[r] = SPECIAL[random.nextInt(SPECIAL.length)];
      }
    }
    return Batch.of(columns, SPECIAL.length);
  }
}
