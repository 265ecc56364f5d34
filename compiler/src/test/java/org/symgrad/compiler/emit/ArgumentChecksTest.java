package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * Every method of a compiled model refuses, before any work, the arrays a caller passes with
 * the wrong length: a {@code params} that is not the model's (another model's parameter vector
 * was read in part, silently), a {@code grad} or {@code sums} of another size, an {@code out}
 * shorter than the batch's rows times the outputs (those threw an {@code
 * ArrayIndexOutOfBoundsException} from inside the model's class). The same from the bytecode
 * (the hidden classes, with and without vectors) and from the generated source compiled by
 * javac, since both print the checks the IR holds.
 */
class ArgumentChecksTest {
  private static final double NOT_WRITTEN = -123.0;
  private static final String PARAMS_3 =
      "params has 3 values; the model takes 2, its parameters as info().parameters() lays them out";

  private static final Program THERMOMETER = Symgrad.lower(HandBuiltModels.thermometerNormalized());

  /** The thermometer from every emitter: hidden classes (vector and scalar), javac's class. */
  static List<Arguments> thermometers() {
    return List.of(
        Arguments.of("bytecode", Symgrad.compile(HandBuiltModels.thermometerNormalized())),
        Arguments.of("scalar bytecode", ModelClassDefiner.define(THERMOMETER, VectorMode.OFF)),
        Arguments.of("source", SourceBitIdentityTest.compileSource(THERMOMETER,
            "Symgrad_CheckedThermometer")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thermometers")
  void anotherModelsParametersAreRefusedByEveryMethod(String emitter, CompiledModel model) {
    Batch batch = HandBuiltModels.thermometerBatch();
    ChunkedKernels chunked = (ChunkedKernels) model;
    for (int rows : new int[] {11, 40}) { // a short pass, and one the lanes (or vectors) run
      Batch pass = rows == 11 ? batch : longBatch(rows);
      double[] three = {1, 0, 5};
      double[] out = filled(rows);
      double[] grad = filled(2);
      double[] sums = filled(3);
      String where = emitter + ", " + rows + " rows";
      assertRefused(where, PARAMS_3, () -> model.predict(three, inputsOf(pass), out));
      assertRefused(where, PARAMS_3, () -> model.loss(three, pass));
      assertRefused(where, PARAMS_3, () -> model.lossAndGradient(three, pass, grad));
      assertRefused(where, PARAMS_3, () -> chunked.sums(three, pass, 0, rows, sums));
      assertRefused(where, PARAMS_3, () -> chunked.lossSums(three, pass, 0, rows, sums));
      assertRefused(where, PARAMS_3, () -> chunked.finish(three, new double[3], rows, grad));
      assertRefused(where, "params has 1 value; the model takes 2, its parameters as "
          + "info().parameters() lays them out", () -> model.loss(new double[] {1}, pass));
      assertUntouched(where, out, grad, sums);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thermometers")
  void arraysOfTheWrongSizeAreRefusedBeforeAnyWork(String emitter, CompiledModel model) {
    ChunkedKernels chunked = (ChunkedKernels) model;
    double[] params = {1, 0};
    for (int rows : new int[] {11, 40}) {
      Batch batch = rows == 11 ? HandBuiltModels.thermometerBatch() : longBatch(rows);
      String where = emitter + ", " + rows + " rows";
      double[] out = filled(rows - 1);
      assertRefused(where, "out has " + (rows - 1) + " values; predict writes " + rows + ": "
          + rows + " rows of 1 output", () -> model.predict(params, inputsOf(batch), out));
      double[] one = filled(1);
      double[] three = filled(3);
      assertRefused(where, "grad has 1 value; the model's gradient has 2",
          () -> model.lossAndGradient(params, batch, one));
      assertRefused(where, "grad has 3 values; the model's gradient has 2",
          () -> model.lossAndGradient(params, batch, three));
      double[] two = filled(2);
      String sums = "sums has 2 values; the model's chunked passes take 3, sumCount()";
      assertRefused(where, sums, () -> chunked.sums(params, batch, 0, rows, two));
      assertRefused(where, sums, () -> chunked.lossSums(params, batch, 0, rows, two));
      assertRefused(where, sums, () -> chunked.finish(params, two, rows, new double[2]));
      assertRefused(where, "grad has 1 value; the model's gradient has 2",
          () -> chunked.finish(params, new double[3], rows, one));
      assertUntouched(where, out, one, three, two);
      // The lengths they must have are taken: out may be longer than the rows need.
      model.predict(params, inputsOf(batch), new double[rows + 5]);
      model.lossAndGradient(params, batch, new double[2]);
      chunked.sums(params, batch, 0, rows, new double[3]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thermometers")
  void aChunkThatIsNotRowsOfTheBatchIsRefusedBeforeAnyWork(String emitter,
      CompiledModel model) {
    ChunkedKernels chunked = (ChunkedKernels) model;
    double[] params = {1, 0};
    for (int rows : new int[] {11, 40}) {
      Batch batch = rows == 11 ? HandBuiltModels.thermometerBatch() : longBatch(rows);
      String where = emitter + ", " + rows + " rows";
      double[] sums = filled(3);
      for (int[] range : new int[][] {{0, rows + 1}, {-1, rows}, {5, 4}}) {
        String message = "rows from " + range[0] + " to " + range[1] + " are not a chunk of "
            + "the batch's " + rows + " rows: 0 <= from <= to <= " + rows;
        assertRefused(where, message, () -> chunked.sums(params, batch, range[0], range[1],
            sums));
        assertRefused(where, message, () -> chunked.lossSums(params, batch, range[0],
            range[1], sums));
      }
      assertUntouched(where, sums);
      chunked.sums(params, batch, 3, 3, new double[3]); // an empty chunk is a chunk
      chunked.sums(params, batch, 0, rows, new double[3]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thermometers")
  void nullArraysAreNamed(String emitter, CompiledModel model) {
    Batch batch = HandBuiltModels.thermometerBatch();
    assertThat(assertThrows(NullPointerException.class,
        () -> model.loss(null, batch)).getMessage()).isEqualTo("params is null");
    assertThat(assertThrows(NullPointerException.class,
        () -> model.lossAndGradient(new double[2], batch, null)).getMessage())
        .isEqualTo("grad is null");
    assertThat(assertThrows(NullPointerException.class,
        () -> model.predict(new double[2], inputsOf(batch), null)).getMessage())
        .isEqualTo("out is null");
  }

  // predict writes output k of row r to out[r * outputs + k]: every row's outputs must fit.
  @Test
  void vectorOutputsNeedRoomForEveryRowsOutputs() {
    ModelDefinition softmax = VectorModels.softmax3();
    Program program = Symgrad.lower(softmax);
    Batch batch = VectorModels.inputsOf(VectorModels.batch(softmax, new Random(1), 5));
    double[] params = VectorModels.params(program.info(), 1);
    for (CompiledModel model : List.of(ModelClassDefiner.define(program, VectorMode.OFF),
        SourceBitIdentityTest.compileSource(program, "Symgrad_CheckedSoftmax"))) {
      double[] out = filled(14);
      assertRefused("softmax3", "out has 14 values; predict writes 15: 5 rows of 3 outputs",
          () -> model.predict(params, batch, out));
      assertUntouched("softmax3", out);
      double[] fits = new double[15];
      model.predict(params, batch, fits);
      assertThat(fits[14]).isNotEqualTo(0.0);
    }
  }

  // A kernel split into helpers checks in its own method, before the first helper runs.
  @Test
  void splitKernelsCheckBeforeTheirHelpers() {
    Program split = Lowering.lower(VectorModels.mlp13(), 300);
    assertThat(split.lossAndGradient().isSplit()).isTrue();
    int p = split.info().parameterCount();
    Batch batch = VectorModels.batch(VectorModels.mlp13(), new Random(2), 30);
    for (CompiledModel model : List.of(ModelClassDefiner.define(split, VectorMode.OFF),
        SourceBitIdentityTest.compileSource(split, "Symgrad_CheckedSplit"))) {
      double[] grad = filled(p);
      assertRefused("split", "params has " + (p + 1) + " values; the model takes " + p
          + ", its parameters as info().parameters() lays them out",
          () -> model.lossAndGradient(new double[p + 1], batch, grad));
      assertUntouched("split", grad);
      assertRefused("split", "grad has " + (p - 1) + " values; the model's gradient has " + p,
          () -> model.lossAndGradient(new double[p], batch, new double[p - 1]));
    }
  }

  // The Hessian-vector kernel reads a direction after the parameters: params holds both.
  @Test
  void secondOrderKernelsCheckTheirOwnLengths() {
    ModelDefinition model = VectorModels.logistic();
    Program program = Symgrad.lowerSecondOrder(model, SecondOrderKernel.HESSIAN_VECTOR);
    int p = program.info().parameterCount();
    Batch batch = VectorModels.batch(model, new Random(3), 9);
    Function<CompiledModel, Executable> parametersAlone = kernel ->
        () -> kernel.lossAndGradient(new double[p], batch, new double[p]);
    for (CompiledModel kernel : List.of(ModelClassDefiner.define(program, VectorMode.OFF),
        SourceBitIdentityTest.compileSource(program, "Symgrad_CheckedHessianVector"))) {
      assertRefused("hessian-vector", "params has " + p + " values; the model takes " + 2 * p
          + ", its parameters as info().parameters() lays them out",
          parametersAlone.apply(kernel));
      kernel.lossAndGradient(new double[2 * p], batch, new double[p]);
    }
  }

  private static void assertRefused(String where, String message, Executable call) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, call, where);
    assertWithMessage(where).that(thrown).hasMessageThat().isEqualTo(message);
  }

  // NaN-free marks in every place a method could write: none may have been written.
  private static void assertUntouched(String where, double[]... arrays) {
    for (double[] array : arrays) {
      for (double value : array) {
        assertWithMessage(where).that(value).isEqualTo(NOT_WRITTEN);
      }
    }
  }

  private static double[] filled(int length) {
    double[] array = new double[length];
    Arrays.fill(array, NOT_WRITTEN);
    return array;
  }

  private static Batch longBatch(int rows) {
    return VectorModels.batch(HandBuiltModels.thermometerNormalized(), new Random(rows), rows);
  }

  private static Batch inputsOf(Batch batch) {
    return VectorModels.inputsOf(batch);
  }
}
