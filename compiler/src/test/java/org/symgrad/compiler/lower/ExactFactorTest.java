package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.RandomModels;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Sums of power-of-two multiples are scaled after the loop (ExactFactor), and that changes
 * no bit: each model is lowered with and without it, and both kernels are run on the same
 * random data.
 */
class ExactFactorTest {

  @Test
  void theThermometerSumsTheResidualAndDoublesTheSumOnce() {
    Program plain = Lowering.lower(HandBuiltModels.thermometerNormalized(),
        CodeSize.METHOD_LIMIT, false);
    Program factored = Lowering.lower(HandBuiltModels.thermometerNormalized());
    assertThat(multiplications(factored.lossAndGradient().body()))
        .isEqualTo(multiplications(plain.lossAndGradient().body()) - 1);
    assertThat(factored.lossAndGradient().body().toString()).doesNotContain("mul 2");
    assertSameBits(HandBuiltModels::thermometerNormalized, HandBuiltModels.thermometerBatch(),
        new double[] {5.3, -17.1});
  }

  @Test
  void constantsComeOutOfProductsOnlyWhenMovingThemIsExact() {
    Graph g = new Graph();
    Node a = g.variable("a");
    Node b = g.variable("b");
    // (2 * a) * (0.5 * -(4 * b)) -> 4 * -(a * b): the sign stays per row, so that a sum of
    // zeros stays +0 (4 * +0), where -4 * +0 would be -0.
    Node term = g.mul(g.mul(g.constant(2), a),
        g.mul(g.constant(0.5), g.neg(g.mul(g.constant(4), b))));
    ExactFactor.Factored factored = ExactFactor.of(g, term);
    assertThat(factored.scale()).isEqualTo(4.0);
    assertThat(factored.rest()).isSameInstanceAs(g.neg(g.mul(a, b)));
    // 0.1 * a and 3 * a stay whole: moving 0.1 or 3 would round differently.
    assertThat(ExactFactor.of(g, g.mul(g.constant(0.1), a)).scale()).isEqualTo(1.0);
    assertThat(ExactFactor.of(g, g.mul(g.constant(3), a)).scale()).isEqualTo(1.0);
    // 0.1 * (2 * a) -> 2 * (0.1 * a): fl(0.1 * fl(2a)) = 2 * fl(0.1 * a).
    ExactFactor.Factored inner = ExactFactor.of(g, g.mul(g.constant(0.1), g.mul(g.constant(2), a)));
    assertThat(inner.scale()).isEqualTo(2.0);
    assertThat(inner.rest()).isSameInstanceAs(g.mul(g.constant(0.1), a));
  }

  @Test
  void powersOfTwoAreExactlyTheNormalOnes() {
    assertThat(ExactFactor.isPowerOfTwo(2)).isTrue();
    assertThat(ExactFactor.isPowerOfTwo(-0.25)).isTrue();
    assertThat(ExactFactor.isPowerOfTwo(0x1p-1022)).isTrue();
    assertThat(ExactFactor.isPowerOfTwo(0x1p-1074)).isFalse(); // subnormal
    assertThat(ExactFactor.isPowerOfTwo(3)).isFalse();
    assertThat(ExactFactor.isPowerOfTwo(0)).isFalse();
    assertThat(ExactFactor.isPowerOfTwo(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(ExactFactor.isPowerOfTwo(Double.NaN)).isFalse();
  }

  static List<Op> ops() {
    return RandomModels.OPS;
  }

  @ParameterizedTest
  @MethodSource("ops")
  void randomModelsGiveTheUnfactoredBits(Op top) {
    for (long seed = 0; seed < 4; seed++) {
      long s = seed * 31 + top.ordinal();
      Random random = new Random(s);
      assertSameBits(() -> RandomModels.model(s, top), RandomModels.batch(random, 257),
          RandomModels.params(random));
    }
  }

  @Test
  void vectorModelsGiveTheUnfactoredBits() {
    assertSameBits(VectorModels::logistic, null, null);
    assertSameBits(VectorModels::mlp13, null, null);
    assertSameBits(VectorModels::softmax3, null, null);
  }

  // Lowers a fresh copy of the model each way (lowering adds nodes to the model's graph).
  private static void assertSameBits(Supplier<ModelDefinition> model, Batch batch,
      double[] params) {
    CompiledModel plain = ModelClassDefiner.define(
        Lowering.lower(model.get(), CodeSize.METHOD_LIMIT, false));
    CompiledModel factored = ModelClassDefiner.define(Lowering.lower(model.get()));
    Random random = new Random(11);
    if (batch == null) {
      batch = randomBatch(random, plain.info().inputColumns().size() + 1, 301);
    }
    if (params == null) {
      params = new double[plain.info().parameterCount()];
      for (int i = 0; i < params.length; i++) {
        params[i] = random.nextDouble() * 2 - 1;
      }
    }
    double[] plainGrad = new double[params.length];
    double[] factoredGrad = new double[params.length];
    assertThat(bits(factored.lossAndGradient(params, batch, factoredGrad)))
        .isEqualTo(bits(plain.lossAndGradient(params, batch, plainGrad)));
    assertThat(bits(factoredGrad)).isEqualTo(bits(plainGrad));
    assertThat(bits(factored.loss(params, batch))).isEqualTo(bits(plain.loss(params, batch)));
  }

  private static Batch randomBatch(Random random, int columns, int rows) {
    double[][] data = new double[columns][rows];
    for (double[] column : data) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextInt(3) == 0 ? random.nextInt(3) : random.nextGaussian();
      }
    }
    return Batch.of(data, rows);
  }

  private static long multiplications(List<Instr> code) {
    return code.stream()
        .filter(i -> i instanceof Instr.Compute c && c.operation() == Operation.MUL)
        .count();
  }

  private static long bits(double value) {
    return Double.doubleToLongBits(value);
  }

  private static long[] bits(double[] values) {
    long[] result = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = bits(values[i]);
    }
    return result;
  }
}
