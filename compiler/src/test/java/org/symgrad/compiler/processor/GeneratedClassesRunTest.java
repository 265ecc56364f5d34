package org.symgrad.compiler.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * The classes the processor generates, compiled by javac and run: the compiled model gives the
 * bytecode model's bits, and the front fits the book's thermometer to its published values.
 */
class GeneratedClassesRunTest {
  private static Class<?> front;

  @BeforeAll
  static void compileThermometer() {
    Compilation compilation = ProcessorRun.compile(ProcessorOutputTest.THERMOMETER);
    front = load(ProcessorRun.classes(compilation), "org.example.Symgrad_Thermometer");
  }

  @Test
  void compiledModelGivesTheBytecodeModelsBits() throws ReflectiveOperationException {
    CompiledModel generated = (CompiledModel) front.getMethod("compiledModel").invoke(null);
    CompiledModel bytecode = Symgrad.compile(
        ModelParser.parse(ProcessorOutputTest.THERMOMETER_SG, "Thermometer"));
    Random random = new Random(5);
    for (int trial = 0; trial < 100; trial++) {
      double[] params = {random.nextGaussian() * 3, random.nextGaussian() * 10};
      assertSameBits(bytecode, generated, params, HandBuiltModels.thermometerBatch());
    }
    assertThat(generated.info()).isEqualTo(bytecode.info());
  }

  @Test
  void frontFitsWithATypedSpecAsWithAnOptimizer() throws ReflectiveOperationException {
    Dataset data = new Dataset(List.of("t_u", "t_c"),
        new double[][] {HandBuiltModels.T_U, HandBuiltModels.T_C});
    TrainerOptions options = TrainerOptions.builder().validationFraction(0).build();
    TrainingResult typed = (TrainingResult) call(front.getConstructor().newInstance(), "fit",
        data, org.symgrad.runtime.optim.Optim.sgd().lr(1e-2), options);
    TrainingResult sized = (TrainingResult) call(front.getConstructor().newInstance(), "fit",
        data, Optimizers.create("sgd", 2, Map.of("lr", "1e-2")), options);
    assertThat(typed.params()).isEqualTo(sized.params());
    assertThat(typed.params()[0]).isWithin(1e-4).of(5.3671);
  }

  @Test
  void frontFitsTheBookAndPredictsWithTheFittedParameters()
      throws ReflectiveOperationException {
    Object model = front.getConstructor().newInstance();
    assertThat(call(model, "w")).isEqualTo(1.0);
    assertThat(call(model, "b")).isEqualTo(0.0);

    Dataset data = new Dataset(List.of("t_u", "t_c"),
        new double[][] {HandBuiltModels.T_U, HandBuiltModels.T_C});
    TrainingResult result = (TrainingResult) call(model, "fit", data,
        Optimizers.create("sgd", 2, Map.of("lr", "1e-2")),
        TrainerOptions.builder().validationFraction(0).build());

    double w = (double) call(model, "w");
    double b = (double) call(model, "b");
    assertThat(w).isWithin(1e-4).of(5.3671);
    assertThat(b).isWithin(1e-4).of(-17.3012);
    assertThat(result.params()).usingExactEquality().containsExactly(w, b).inOrder();
    assertThat((double) call(model, "loss", data)).isEqualTo(result.trainLoss());
    double[] all = (double[]) call(model, "predict", data);
    assertThat((double) call(model, "predict", HandBuiltModels.T_U[3])).isEqualTo(all[3]);
    assertThat(all[3]).isEqualTo(w * (0.1 * HandBuiltModels.T_U[3]) + b);
    assertThat(model.toString()).isEqualTo("Thermometer[w=" + w + ", b=" + b + "]");
  }

  @Test
  void settersAndParametersReadAndWriteTheSameArray() throws ReflectiveOperationException {
    Object model = front.getConstructor().newInstance();
    call(model, "setW", 2.5);
    assertThat((double[]) call(model, "parameters")).usingExactEquality()
        .containsExactly(2.5, 0.0).inOrder();
    call(model, "setParameters", (Object) new double[] {-1, 7});
    assertThat(call(model, "b")).isEqualTo(7.0);
    InvocationTargetException wrongLength = org.junit.jupiter.api.Assertions.assertThrows(
        InvocationTargetException.class,
        () -> call(model, "setParameters", (Object) new double[] {1}));
    assertWithMessage("setParameters with one value").that(wrongLength.getCause())
        .hasMessageThat().isEqualTo("expected 2 values, got 1");
  }

  // Raw bits, so that -0.0 and NaN payloads count too.
  private static void assertSameBits(CompiledModel expected, CompiledModel actual,
      double[] params, Batch batch) {
    double[] expectedGrad = new double[params.length];
    double[] actualGrad = new double[params.length];
    double[] expectedOut = new double[batch.size()];
    double[] actualOut = new double[batch.size()];
    assertThat(bits(actual.lossAndGradient(params, batch, actualGrad)))
        .isEqualTo(bits(expected.lossAndGradient(params, batch, expectedGrad)));
    assertThat(bits(actual.loss(params, batch))).isEqualTo(bits(expected.loss(params, batch)));
    expected.predict(params, batch, expectedOut);
    actual.predict(params, batch, actualOut);
    assertThat(bits(actualGrad)).isEqualTo(bits(expectedGrad));
    assertThat(bits(actualOut)).isEqualTo(bits(expectedOut));
  }

  private static List<Long> bits(double... values) {
    return java.util.Arrays.stream(values).mapToObj(Double::doubleToRawLongBits).toList();
  }

  private static Object call(Object target, String name, Object... args)
      throws ReflectiveOperationException {
    for (Method method : front.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length
          && accepts(method.getParameterTypes(), args)) {
        return method.invoke(target, args);
      }
    }
    throw new NoSuchMethodException(name + " for " + List.of(args));
  }

  private static boolean accepts(Class<?>[] types, Object[] args) {
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i] == double.class ? Double.class : types[i];
      if (!type.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(ClassLoader loader, String name) {
    try {
      return loader.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
