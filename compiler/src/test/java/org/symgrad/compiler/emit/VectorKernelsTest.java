package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.symgrad.compiler.InMemoryJavaCompiler;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * Vector kernels: the bytecode and the javac-compiled source give the same bits, and both
 * give the scalar kernel's sums to within their rounding, for every number of rows a tail can
 * leave (none, fewer than a vector, fewer than a step, more). Needs the JVM's Vector API, which
 * the compiler module's tests are run with ({@code --add-modules jdk.incubator.vector}).
 */
class VectorKernelsTest {
  private static final String PACKAGE = "org.symgrad.generated";
  // 0 rows, fewer than 4 lanes, exactly one vector, fewer than a step of 8, a step, a step and
  // a tail, around the short pass (23, 24, 25: fewer than 24 rows run the scalar body), many
  // steps, and more than a chunk of 4096 with a tail.
  private static final int[] ROWS = {0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 100,
      4099};
  private static final double UNIT_ROUNDOFF = 0x1p-53;

  @BeforeAll
  static void theVectorApiIsThere() {
    assertWithMessage("run these tests with --add-modules jdk.incubator.vector")
        .that(VectorMode.moduleAvailable()).isTrue();
  }

  private static List<ModelDefinition> models() {
    List<ModelDefinition> models = new ArrayList<>(LaneWiseModels.draw(20_260_801L, 40));
    models.add(LaneWiseModels.thermometer());
    models.add(VectorModels.linear(40));
    models.add(VectorModels.mlp13()); // tanh: stays scalar, and must still work
    return models;
  }

  @Test
  void bytecodeAndSourceGiveTheSameBits() {
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    int vectorised = 0;
    for (ModelDefinition model : models()) {
      String className = SourceEmitter.className(model.name());
      Program program = Symgrad.lower(model);
      programs.put(className, program);
      sources.put(PACKAGE + "." + className,
          SourceEmitter.emitWithLines(program, PACKAGE, className, true).text());
      vectorised += Vectorisable.qualifies(program.lossAndGradient()) ? 1 : 0;
    }
    // Guard against the models drifting out of what vectorises.
    assertWithMessage("fused kernels vectorised").that(vectorised).isAtLeast(programs.size() / 3);
    ClassLoader loader = InMemoryJavaCompiler.compileAll(sources, true);
    Random random = new Random(7);
    int trial = 0;
    for (Map.Entry<String, Program> entry : programs.entrySet()) {
      Program program = entry.getValue();
      verify(BytecodeEmitter.emit(program, "org/symgrad/compiler/emit/Model_vector", null, true),
          entry.getKey());
      CompiledModel bytecode = ModelClassDefiner.define(program, VectorMode.ON);
      CompiledModel source = instantiate(loader, entry.getKey());
      for (int rows : ROWS) {
        double[] params = VectorModels.params(program.info(), trial++);
        Batch batch = batch(program, random, rows);
        BitParity.assertSameBits(bytecode, source, params, batch,
            entry.getKey() + " over " + rows + " rows\n" + program);
      }
    }
  }

  @Test
  void vectorSumsAreTheScalarSumsToRounding() {
    Random random = new Random(11);
    int compared = 0;
    for (ModelDefinition model : models()) {
      Program program = Symgrad.lower(model);
      if (!program.isChunked() || !Vectorisable.qualifies(program.sums())) {
        continue;
      }
      ChunkedKernels scalar = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.OFF);
      ChunkedKernels vector = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.ON);
      for (int rows : ROWS) {
        double[] params = VectorModels.params(program.info(), rows);
        Batch batch = batch(program, random, rows);
        for (int from : new int[] {0, Math.min(3, rows)}) { // a chunk need not start at row 0
          compared += assertSumsClose(scalar, vector, params, batch, from,
              model.name() + " rows [" + from + ", " + rows + ")") ? 1 : 0;
        }
      }
    }
    assertWithMessage("finite comparisons").that(compared).isGreaterThan(100);
  }

  @Test
  void thermometerLossAndGradientMatchTheScalarKernel() {
    Program program = Symgrad.lower(LaneWiseModels.thermometer());
    CompiledModel scalar = ModelClassDefiner.define(program, VectorMode.OFF);
    CompiledModel vector = ModelClassDefiner.define(program, VectorMode.ON);
    for (int rows : new int[] {11, 10_000, 10_007}) {
      Batch batch = thermometerData(rows);
      double[] params = {5.37, -17.3};
      double[] scalarGrad = new double[2];
      double[] vectorGrad = new double[2];
      double loss = scalar.lossAndGradient(params, batch, scalarGrad);
      assertThat(vector.lossAndGradient(params, batch, vectorGrad))
          .isWithin(1e-12 * Math.abs(loss)).of(loss);
      assertThat(vector.loss(params, batch)).isWithin(1e-12 * Math.abs(loss)).of(loss);
      for (int k = 0; k < 2; k++) {
        assertThat(vectorGrad[k]).isWithin(1e-12 * Math.abs(scalarGrad[k])).of(scalarGrad[k]);
      }
    }
  }

  @Test
  void anyNumberOfThreadsGivesTheSameBits() throws Exception {
    Program program = Symgrad.lower(LaneWiseModels.thermometer());
    ChunkedKernels vector = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.ON);
    Batch batch = thermometerData(100_003);
    double[] params = {5.37, -17.3};
    double[] expectedGrad = new double[2];
    double expected = new ParallelObjective(vector, 1).lossAndGradient(params, batch, expectedGrad);
    for (int threads : new int[] {2, 7}) {
      double[] grad = new double[2];
      ParallelObjective many = new ParallelObjective(vector, threads);
      assertWithMessage("%s threads", threads)
          .that(Double.doubleToRawLongBits(many.lossAndGradient(params, batch, grad)))
          .isEqualTo(Double.doubleToRawLongBits(expected));
      for (int k = 0; k < 2; k++) {
        assertWithMessage("gradient %s with %s threads", k, threads)
            .that(Double.doubleToRawLongBits(grad[k]))
            .isEqualTo(Double.doubleToRawLongBits(expectedGrad[k]));
      }
    }
    // One chunk is the whole loop: the fused kernel's bits.
    Batch oneChunk = thermometerData(ParallelObjective.CHUNK_ROWS - 3);
    double[] fusedGrad = new double[2];
    double[] chunkedGrad = new double[2];
    double fused = ((CompiledModel) vector).lossAndGradient(params, oneChunk, fusedGrad);
    ParallelObjective two = new ParallelObjective(vector, 2);
    assertThat(two.lossAndGradient(params, oneChunk, chunkedGrad)).isEqualTo(fused);
    assertThat(chunkedGrad).usingExactEquality().containsExactly(fusedGrad[0], fusedGrad[1]);
  }

  @Test
  void theModeDecidesWhetherTheClassUsesTheVectorApi() {
    Program program = Symgrad.lower(LaneWiseModels.thermometer());
    String name = "org/symgrad/compiler/emit/Model_mode";
    assertThat(VectorMode.AUTO.vectorises()).isTrue();
    assertThat(VectorMode.ON.vectorises()).isTrue();
    assertThat(VectorMode.OFF.vectorises()).isFalse();
    assertThat(mentionsVectorApi(BytecodeEmitter.emit(program, name, null, true))).isTrue();
    assertThat(mentionsVectorApi(BytecodeEmitter.emit(program, name, null, false))).isFalse();
    assertThat(mentionsVectorApi(BytecodeEmitter.emit(program, name))).isFalse();
  }

  // Each sum within what two summations in different orders can differ by: each is within
  // (n - 1) u sum|t_i| of the exact sum, with the terms t_i taken from one-row chunks.
  private static boolean assertSumsClose(ChunkedKernels scalar, ChunkedKernels vector,
      double[] params, Batch batch, int from, String context) {
    int count = scalar.sumCount();
    int rows = batch.size();
    double[] magnitude = new double[count];
    double[] term = new double[count];
    for (int r = from; r < rows; r++) {
      scalar.sums(params, batch, r, r + 1, term);
      for (int i = 0; i < count; i++) {
        magnitude[i] += Math.abs(term[i]);
      }
    }
    double[] expected = new double[count];
    double[] actual = new double[count];
    scalar.sums(params, batch, from, rows, expected);
    vector.sums(params, batch, from, rows, actual);
    boolean finite = true;
    for (int i = 0; i < count; i++) {
      if (!Double.isFinite(magnitude[i])) {
        finite = false;
        continue;
      }
      double bound = 2 * Math.max(1, rows - from) * UNIT_ROUNDOFF * magnitude[i];
      assertWithMessage("sum %s of %s", i, context).that(actual[i])
          .isWithin(bound).of(expected[i]);
    }
    return finite;
  }

  private static boolean mentionsVectorApi(byte[] classFile) {
    return new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("jdk/incubator/vector");
  }

  private static void verify(byte[] classFile, String context) {
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(classFile), VectorKernelsTest.class.getClassLoader(),
        false, new PrintWriter(problems));
    assertWithMessage("CheckClassAdapter on %s", context).that(problems.toString()).isEmpty();
  }

  // The model's inputs and target, uniform on [-2, 2).
  private static Batch batch(Program program, Random random, int rows) {
    int columns = program.info().inputColumns().size() + 1;
    double[][] data = new double[columns][rows];
    for (double[] column : data) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextDouble() * 4 - 2;
      }
    }
    return Batch.of(data, rows);
  }

  // As the benchmarks' synthetic readings: t_u uniform in [20, 90), t_c = 5/9 (t_u - 32) + noise.
  static Batch thermometerData(int rows) {
    Random random = new Random(42);
    double[] tu = new double[rows];
    double[] tc = new double[rows];
    for (int r = 0; r < rows; r++) {
      tu[r] = 20 + 70 * random.nextDouble();
      tc[r] = 5.0 / 9 * (tu[r] - 32) + random.nextGaussian();
    }
    return Batch.of(new double[][] {tu, tc}, rows);
  }

  private static CompiledModel instantiate(ClassLoader loader, String className) {
    try {
      return (CompiledModel) InMemoryJavaCompiler.load(loader, PACKAGE + "." + className)
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate " + className, e);
    }
  }
}
