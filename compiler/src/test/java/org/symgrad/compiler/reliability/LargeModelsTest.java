package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Deep and large models compile, or are refused with a {@link SymgradException}: never a
 * {@code StackOverflowError} (everything runs on a thread with a 512 KB stack), a {@code
 * MethodTooLargeException} or a {@code VerifyError}, and in bounded time and memory (the
 * derivative texts kept for comments are cut at 10 000 characters, where a 10 000-deep
 * model's would be a quarter of a gigabyte).
 */
class LargeModelsTest {
  private static final long SMALL_STACK = 512 * 1024;

  /** What {@code work} returns or throws, on a thread with a small stack. */
  private static Object onSmallStack(Supplier<Object> work) throws InterruptedException {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(work.get());
      } catch (Throwable t) { // StackOverflowError included: that is what this is about
        result.set(t);
      }
    }, "small-stack", SMALL_STACK);
    thread.start();
    thread.join();
    return result.get();
  }

  private static String model(String params, String expression) {
    return "input x\ntarget y\n" + params + "model " + expression + "\n";
  }

  /** Compiles {@code text}; returns the model, or null when it was refused with SG501. */
  private static CompiledModel compileOrRefuse(String text) throws InterruptedException {
    ModelDefinition definition = ModelParser.parse(text, "large.sg");
    Object lowered = onSmallStack(() -> Symgrad.lower(definition));
    assertWithMessage("lowering").that(lowered).isInstanceOf(Program.class);
    for (String derivative : ((Program) lowered).derivatives().values()) {
      assertThat(derivative.length()).isAtMost(10_001);
    }
    Object result = onSmallStack(() -> Symgrad.compile(definition));
    if (result instanceof SymgradException e) {
      assertThat(e.first().code()).isEqualTo("SG501");
      assertThat(e.getMessage()).contains("too large for one JVM method");
      return null;
    }
    assertWithMessage("compiling").that(result).isInstanceOf(CompiledModel.class);
    CompiledModel model = (CompiledModel) result;
    double[] grad = new double[model.info().parameterCount()];
    double[] params = new double[grad.length];
    java.util.Arrays.fill(params, 0.01);
    Batch batch = Batch.of(new double[][] {{0.5, -0.25}, {1, 2}}, 2);
    assertThat(model.lossAndGradient(params, batch, grad))
        .isEqualTo(model.loss(params, batch));
    return model;
  }

  @Test
  void deepChainsOfCalls() throws InterruptedException {
    for (String function : new String[] {"sin", "softplus"}) {
      for (int depth : new int[] {1_000, 10_000}) {
        compileOrRefuse(model("param w = 0.5\n",
            (function + "(").repeat(depth) + "w * x" + ")".repeat(depth)));
      }
    }
    // A shallow one of these must still compile.
    assertThat(compileOrRefuse(model("param w = 0.5\n", "sin(".repeat(200) + "w * x"
        + ")".repeat(200)))).isNotNull();
  }

  @Test
  void deepPowersWhoseDerivativeTextGrowsCubically() throws InterruptedException {
    compileOrRefuse(model("param w = 0.5\n", "(w * x)^".repeat(2_000) + "w"));
  }

  @Test
  void longSumsAndManyParameters() throws InterruptedException {
    compileOrRefuse(model("param w = 0.5\n", "w * x + ".repeat(20_000) + "w"));
    StringBuilder params = new StringBuilder();
    StringBuilder sum = new StringBuilder("0");
    for (int i = 0; i < 3_000; i++) {
      params.append("param p").append(i).append(" = 0.01\n");
      sum.append(" + p").append(i).append(" * sin(x + ").append(i).append(')');
    }
    compileOrRefuse(model(params.toString(), sum.toString()));
    // 200 parameters fit in one method.
    assertThat(compileOrRefuse(model(params.substring(0, params.indexOf("param p200")),
        sum.substring(0, sum.indexOf(" + p200"))))).isNotNull();
  }
}
