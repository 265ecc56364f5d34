package org.symgrad.bench;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.bench.baseline.FlatInterpreter;
import org.symgrad.bench.baseline.HandWritten;
import org.symgrad.bench.baseline.HandWrittenPlain;
import org.symgrad.bench.baseline.HandWrittenSplitSums;
import org.symgrad.bench.baseline.HipparchusPeer;
import org.symgrad.bench.baseline.IrTransliteration;
import org.symgrad.bench.baseline.ModelGradient;
import org.symgrad.bench.baseline.TreeWalkingInterpreter;
import org.symgrad.bench.vector.VectorReference;
import org.symgrad.runtime.CompiledModel;

/**
 * Every contender of {@link KernelBench} computes what the compiled kernel computes, so the
 * benchmark compares equal work. Sizes include ones that are not a multiple of the vector
 * loop's 8 rows, to exercise its tail. (Correctness only: no timing here.)
 */
class KernelAgreementTest {
  private static final double[] PARAMS = {5.37, -17.3};

  private record Result(double loss, double[] grad) {}

  private interface Kernel {
    double run(double[] params, double[] grad);
  }

  private static Result run(Kernel kernel) {
    double[] grad = {Double.NaN, Double.NaN}; // each kernel must overwrite both
    double loss = kernel.run(PARAMS.clone(), grad);
    return new Result(loss, grad);
  }

  private static Result compiled(Problem p) {
    return run((params, grad) -> p.model.lossAndGradient(params, p.batch, grad));
  }

  // 23, 24, 25: around SumLanes.SHORT, below which a pass adds its rows in order.
  @ParameterizedTest
  @ValueSource(ints = {11, 23, 24, 25, 1000, 10_003})
  void handWrittenLoopEqualsTheCompiledKernelBitForBit(int rows) {
    Problem p = Problem.thermometer(rows);
    Result hand = run((params, grad) -> HandWritten.lossAndGradient(params, p.tu, p.tc, p.rows,
        grad));
    Result compiled = compiled(p);
    assertThat(hand.loss()).isEqualTo(compiled.loss());
    assertThat(hand.grad()).isEqualTo(compiled.grad());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 11, 23})
  void plainLoopEqualsTheCompiledKernelOnAShortPass(int rows) {
    Problem p = Problem.thermometer(rows);
    Result plain = run((params, grad) -> HandWrittenPlain.lossAndGradient(params, p.tu, p.tc,
        p.rows, grad));
    Result compiled = compiled(p);
    assertThat(plain.loss()).isEqualTo(compiled.loss());
    assertThat(plain.grad()).isEqualTo(compiled.grad());
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 23, 24, 1000})
  void irTransliterationEqualsTheCompiledKernelBitForBit(int rows) {
    Problem p = Problem.thermometer(rows);
    Result ir = run((params, grad) -> IrTransliteration.lossAndGradient(params, p.batch, grad));
    Result compiled = compiled(p);
    assertThat(ir.loss()).isEqualTo(compiled.loss());
    assertThat(ir.grad()).isEqualTo(compiled.grad());
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 23, 24, 1000})
  void interpretersEvaluateTheKernelsGraphBitForBit(int rows) {
    Problem p = Problem.thermometer(rows);
    ModelGradient graph = ModelGradient.of(p.definition);
    Result compiled = compiled(p);
    TreeWalkingInterpreter tree = new TreeWalkingInterpreter(graph);
    FlatInterpreter flat = new FlatInterpreter(graph);
    for (Kernel interpreter : new Kernel[] {
        (params, grad) -> tree.lossAndGradient(params, p.batch, grad),
        (params, grad) -> flat.lossAndGradient(params, p.batch, grad)}) {
      Result result = run(interpreter);
      assertThat(result.loss()).isEqualTo(compiled.loss());
      assertThat(result.grad()).isEqualTo(compiled.grad());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 1000, 10_003})
  void hipparchusTheSplitSumAndTheVectorLoopsAgreeToRounding(int rows) {
    Problem p = Problem.thermometer(rows);
    Result compiled = compiled(p);
    Result hipparchus = run((params, grad) -> HipparchusPeer.lossAndGradient(params, p.tu, p.tc,
        p.rows, grad));
    Result vector = run((params, grad) -> VectorReference.lossAndGradient(params, p.tu, p.tc,
        p.rows, grad));
    Result split = run((params, grad) -> HandWrittenSplitSums.lossAndGradient(params, p.tu, p.tc,
        p.rows, grad));
    CompiledModel vectorKernel = VectorApiBench.compileVectorised(p);
    Result compiledVector = run((params, grad) -> vectorKernel.lossAndGradient(params, p.batch,
        grad));
    for (Result other : new Result[] {hipparchus, vector, split, compiledVector}) {
      assertClose(other.loss(), compiled.loss());
      assertClose(other.grad()[0], compiled.grad()[0]);
      assertClose(other.grad()[1], compiled.grad()[1]);
    }
  }

  private static void assertClose(double actual, double expected) {
    assertThat(actual).isWithin(1e-12 * Math.max(1, Math.abs(expected))).of(expected);
  }
}
