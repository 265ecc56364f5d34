package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * A compiled model is stateless: eight threads using one model at once, on shared batches,
 * get the very bits sequential use gives; and eight threads compiling at once get models
 * that compute what a model compiled alone does.
 */
class ConcurrentUseTest {
  private static final int THREADS = 8;
  private static final int CALLS = 400;

  /** Everything one call of each method gives, as raw bits. */
  private static long[] run(CompiledModel model, double[] params, Batch batch) {
    double[] grad = new double[params.length];
    double[] out = new double[batch.size()];
    model.predict(params, Batch.of(new double[][] {batch.column(0), batch.column(1)},
        batch.size()), out);
    double loss = model.loss(params, batch);
    double fused = model.lossAndGradient(params, batch, grad);
    long[] bits = new long[2 + grad.length + out.length];
    bits[0] = Double.doubleToRawLongBits(loss);
    bits[1] = Double.doubleToRawLongBits(fused);
    for (int k = 0; k < grad.length; k++) {
      bits[2 + k] = Double.doubleToRawLongBits(grad[k]);
    }
    for (int r = 0; r < out.length; r++) {
      bits[2 + grad.length + r] = Double.doubleToRawLongBits(out[r]);
    }
    return bits;
  }

  @Test
  void oneModelUsedByEightThreadsGivesTheSequentialBits() throws Exception {
    Random random = new Random(8);
    ModelRecipe recipe = ModelRecipe.random(random, ModelRecipe.NAMES,
        ExpressionRecipe.Constants.MODERATE, 10);
    CompiledModel model = Symgrad.compile(recipe.definition("shared.sg"));
    List<double[]> params = new ArrayList<>();
    List<Batch> batches = new ArrayList<>();
    List<long[]> expected = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      params.add(ModelRecipe.params(random));
      batches.add(ModelRecipe.batch(random, 1 + random.nextInt(50)));
      expected.add(run(model, params.get(i), batches.get(i)));
    }
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t * 37; // each thread walks the calls from its own place, round and round
      workers.add(() -> {
        start.await();
        for (int n = 0; n < 5 * CALLS; n++) {
          int i = (offset + n) % CALLS;
          long[] bits = run(model, params.get(i).clone(), batches.get(i));
          if (!Arrays.equals(bits, expected.get(i))) {
            throw new AssertionError("call " + i + " of " + recipe.text() + " gave "
                + Arrays.toString(bits) + ", alone it gives " + Arrays.toString(expected.get(i)));
          }
        }
        return null;
      });
    }
    runAll(workers);
  }

  @Test
  void eightThreadsCompilingAtOnceGetWorkingModels() throws Exception {
    Random random = new Random(80);
    List<ModelRecipe> recipes = new ArrayList<>();
    List<long[]> expected = new ArrayList<>();
    double[] params = ModelRecipe.params(random);
    Batch batch = ModelRecipe.batch(random, 7);
    for (int i = 0; i < THREADS * 10; i++) {
      ModelRecipe recipe = ModelRecipe.random(random, ModelRecipe.NAMES,
          ExpressionRecipe.Constants.MODERATE, 8);
      recipes.add(recipe);
      expected.add(run(Symgrad.compile(recipe.definition("m" + i + ".sg")), params.clone(),
          batch));
    }
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers.add(() -> {
        start.await();
        for (int i = thread; i < recipes.size(); i += THREADS) {
          CompiledModel model = Symgrad.compile(recipes.get(i).definition("m" + i + ".sg"));
          if (!Arrays.equals(run(model, params.clone(), batch), expected.get(i))) {
            throw new AssertionError("model " + i + " compiled concurrently differs");
          }
        }
        return null;
      });
    }
    runAll(workers);
  }

  /**
   * One parsed model compiled by eight threads at the same moment, as a service that caches
   * definitions might: compiling adds the derivative's nodes to the definition's graph, which
   * the race must not corrupt. A large model, so that the threads' lowerings overlap.
   */
  @Test
  void oneDefinitionCompiledByEightThreadsAtOnce() throws Exception {
    StringBuilder model = new StringBuilder("w");
    for (int i = 0; i < 300; i++) {
      model.append(switch (i % 3) {
        case 0 -> " * sin(w * x + " + i + ")";
        case 1 -> " + tanh(b * x - " + i + ")";
        default -> " - b * x^" + i % 5;
      });
    }
    String text = "input x\ntarget y\nparam w = 0.5\nparam b = -1\nmodel " + model + "\n";
    double[] params = {0.3, 0.2};
    Batch batch = Batch.of(new double[][] {{0.5, 1.5, -2}, {1, 2, 3}}, 3);
    long[] expected = run(Symgrad.compile(ModelParser.parse(text, "alone.sg")), params, batch);
    for (int round = 0; round < 12; round++) {
      ModelDefinition shared = ModelParser.parse(text, "shared.sg");
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Callable<Void>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(() -> {
          start.await();
          long[] bits = run(Symgrad.compile(shared), params.clone(), batch);
          if (!Arrays.equals(bits, expected)) {
            throw new AssertionError("compiled concurrently it gives " + Arrays.toString(bits)
                + ", alone " + Arrays.toString(expected));
          }
          return null;
        });
      }
      runAll(workers);
    }
  }

  private static void runAll(List<Callable<Void>> workers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Future<Void>> futures = pool.invokeAll(workers);
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertWithMessage("threads").that(workers).hasSize(THREADS);
  }
}
