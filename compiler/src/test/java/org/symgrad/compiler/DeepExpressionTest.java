package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Models 100 000 nodes deep compile, on a thread with a 256 KB stack, and compute what the
 * graph says; or are refused with a {@link SymgradException}. Never a StackOverflowError,
 * a MethodTooLargeException or a VerifyError.
 */
class DeepExpressionTest {
  private static final int N = 100_000;
  private static final long SMALL_STACK = 256 * 1024;
  private static final double[] X = {0.3, -0.7, 1.1};
  private static final double[] Y = {1, 2, -1};

  @Test
  void aChainOfCallsWhoseGradientNeedsEveryValue() throws InterruptedException {
    assertCompilesAndComputes("sin(".repeat(N) + "w * x + b" + ")".repeat(N));
  }

  @Test
  void aLongSum() throws InterruptedException {
    assertCompilesAndComputes("w * x" + " + x".repeat(N) + " + b");
  }

  @Test
  void aNegatedChainOfSubtractions() throws InterruptedException {
    // The simplifier's -(a - b) -> b - a cascades down the whole chain.
    assertCompilesAndComputes("-(w * x " + "- x ".repeat(N) + ") + b");
  }

  @Test
  void deepParenthesesAndPowers() throws InterruptedException {
    assertCompilesAndComputes("(".repeat(N) + "w * x" + ")".repeat(N) + " + b^1".repeat(1000));
  }

  @Test
  void tooManyDistinctNumbersAreRefusedWithADiagnostic() throws InterruptedException {
    StringBuilder model = new StringBuilder("w * x + b");
    for (int i = 0; i < N; i++) {
      model.append(" + ").append(i).append(".5");
    }
    Object result = onSmallStack(() -> Symgrad.compile(parse(model.toString())));
    assertThat(result).isInstanceOf(SymgradException.class);
    assertThat(((SymgradException) result).first().code()).isEqualTo("SG502");
    assertThat(((SymgradException) result).first().message()).startsWith(
        "model 'deep' is too large for one JVM class (its constant pool needs");
  }

  private static void assertCompilesAndComputes(String expression)
      throws InterruptedException {
    Object result = onSmallStack(() -> {
      ModelDefinition definition = parse(expression);
      CompiledModel model = Symgrad.compile(definition);
      double[] grad = new double[2];
      double loss = model.lossAndGradient(new double[] {0.5, 0.25},
          Batch.of(new double[][] {X, Y}, X.length), grad);
      double expected = 0;
      for (int r = 0; r < X.length; r++) {
        Map<String, Double> values = new HashMap<>(Map.of("w", 0.5, "b", 0.25));
        values.put("x", X[r]);
        values.put("y", Y[r]);
        expected += Evaluator.evaluate(definition.sampleLoss(), values) / X.length;
      }
      return new double[] {loss, expected, grad[0], grad[1]};
    });
    if (result instanceof Throwable t) {
      throw new AssertionError("compiling a deep model threw", t);
    }
    double[] values = (double[]) result;
    assertThat(values[0]).isWithin(1e-9 * Math.abs(values[1])).of(values[1]);
    assertThat(Double.isFinite(values[2]) && Double.isFinite(values[3])).isTrue();
  }

  private static ModelDefinition parse(String model) {
    return ModelParser.parse("input x\ntarget y\nparam w\nparam b\nmodel " + model + "\n",
        "deep.sg");
  }

  private static Object onSmallStack(Supplier<Object> work) throws InterruptedException {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(work.get());
      } catch (Throwable t) { // StackOverflowError included: that is what this test is about
        result.set(t);
      }
    }, "small-stack", SMALL_STACK);
    thread.start();
    thread.join();
    return result.get();
  }
}
