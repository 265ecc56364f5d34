package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * Every backend adds the rows of a sum in the one order {@link Kernel} defines: the scalar
 * kernels (written once per lane, or with their lanes in scratch, blocked or split), the vector
 * kernels, both emitters, and {@link ParallelObjective} on any number of threads give the same
 * bits, at row counts that are not multiples of the 8 lanes or of the 4096-row chunk, and
 * around the short pass, whose rows are added in order.
 *
 * <p>The reference is written here from the definition alone: each row's terms come from a
 * one-row pass, then go to their lanes, which are added in the fixed tree.
 */
class SumOrderTest {
  // Around the short pass (SHORT - 1, SHORT, SHORT + 1) and the lanes' groups, and passes of
  // several 4096-row chunks whose last is short (4097, 4096 + SHORT - 1, 8195) or not (4096 +
  // SHORT).
  private static final int[] ROWS = {1, 7, 8, 9, Kernel.SHORT - 1, Kernel.SHORT,
      Kernel.SHORT + 1, 4095, 4097, 4096 + Kernel.SHORT - 1, 4096 + Kernel.SHORT, 8195};
  private static final int TINY_METHODS = 300;


  @Property(tries = 6)
  void scalarVectorAndThreadsFollowTheOneOrder(@ForAll @LongRange(max = 1_000_000) long seed) {
    Random random = new Random(seed);
    int kernelShapes = 0;
    for (ModelDefinition model : ChunkedModels.drawn(seed)) {
      Program program = Symgrad.lower(model);
      if (program.isChunked()) {
        kernelShapes++;
        checkOneOrder(model, program, ROWS[random.nextInt(ROWS.length)], seed);
      }
    }
    assertThat(kernelShapes).isAtLeast(3);
  }

  @Test
  void everyRowCountOfTheDefinitionOnEveryKernelShape() {
    long seed = 18;
    java.util.Set<String> shapes = new java.util.TreeSet<>();
    for (ModelDefinition model : ChunkedModels.everyShape(seed)) {
      Program program = Symgrad.lower(model);
      if (program.isChunked()) {
        shapes.add(shape(program.sums()));
        if (Vectorisable.qualifies(program.sums())) {
          shapes.add("vector kernel");
        }
        for (int rows : ROWS) {
          checkOneOrder(model, program, rows, seed + rows);
        }
      }
    }
    assertThat(shapes).containsAtLeast("lanes in locals", "vector kernel", "lanes in scratch");
  }

  // The scalar and vector kernels from row 0 and from row 3, the fused kernel, and chunks on 1,
  // 2 and 7 threads, each against the definition.
  private static void checkOneOrder(ModelDefinition model, Program program, int rows,
      long seed) {
    Random random = new Random(seed);
    ChunkedKernels scalar = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.OFF);
    ChunkedKernels vector = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.ON);
    Batch batch = VectorModels.batch(model, random, rows);
    double[] params = VectorModels.params(program.info(), seed);
    String context = model.name() + " (" + shape(program.sums()) + "), " + rows + " rows";
    double[][] terms = rowTerms(scalar, params, batch);
    for (int from : new int[] {0, Math.min(3, rows)}) { // a pass need not start at row 0
      double[] expected = new double[scalar.sumCount()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = canonical(terms[i], from, rows);
      }
      assertSameBits(sums(scalar, params, batch, from), expected, context + " scalar from "
          + from);
      assertSameBits(sums(vector, params, batch, from), expected, context + " vector from "
          + from);
    }
    // The fused kernel is one pass over the whole batch.
    double[] grad = new double[params.length];
    double[] expectedGrad = new double[params.length];
    double[] whole = new double[scalar.sumCount()];
    for (int i = 0; i < whole.length; i++) {
      whole[i] = canonical(terms[i], 0, rows);
    }
    double expected = scalar.finish(params, whole, rows, expectedGrad);
    for (ChunkedKernels kernels : List.of(scalar, vector)) {
      assertSameBits(((CompiledModel) kernels).lossAndGradient(params, batch, grad), expected,
          context + " fused loss");
      assertSameBits(grad, expectedGrad, context + " fused gradient");
    }
    // Chunks of 4096 rows, each a pass of its own, added in chunk order, on any number of
    // threads.
    double[] chunked = new double[scalar.sumCount()];
    for (int from = 0; from < rows; from += ParallelObjective.CHUNK_ROWS) {
      int to = Math.min(rows, from + ParallelObjective.CHUNK_ROWS);
      for (int i = 0; i < chunked.length; i++) {
        chunked[i] += canonical(terms[i], from, to);
      }
    }
    double expectedChunked = scalar.finish(params, chunked, rows, expectedGrad);
    for (ChunkedKernels kernels : List.of(scalar, vector)) {
      for (int threads : new int[] {1, 2, 7}) {
        double loss = new ParallelObjective(kernels, threads).lossAndGradient(params, batch,
            grad);
        assertSameBits(loss, expectedChunked, context + ", " + threads + " threads");
        assertSameBits(grad, expectedGrad, context + ", " + threads + " threads, gradient");
      }
    }
  }

  @Property(tries = 3)
  void splitKernelsAndBothEmittersGiveTheSameBits(
      @ForAll @LongRange(max = 1_000_000) long seed) {
    Random random = new Random(seed);
    List<ModelDefinition> models = ChunkedModels.drawn(seed);
    Map<String, Program> programs = new LinkedHashMap<>();
    for (ModelDefinition model : ChunkedModels.everyShape(seed)) {
      programs.put(SourceEmitter.className(model.name()), Symgrad.lower(model));
      programs.put(SourceEmitter.className(model.name()) + "Split",
          Lowering.lower(model, TINY_METHODS));
    }
    ClassLoader loader = SourceBitIdentityTest.compileAll(programs);
    for (ModelDefinition model : ChunkedModels.everyShape(seed)) {
      String name = SourceEmitter.className(model.name());
      CompiledModel bytecode = ModelClassDefiner.define(programs.get(name), VectorMode.OFF);
      CompiledModel vector = ModelClassDefiner.define(programs.get(name), VectorMode.ON);
      CompiledModel split = ModelClassDefiner.define(programs.get(name + "Split"),
          VectorMode.OFF);
      CompiledModel source = SourceBitIdentityTest.instantiate(loader, name);
      CompiledModel splitSource = SourceBitIdentityTest.instantiate(loader, name + "Split");
      int rows = ROWS[random.nextInt(ROWS.length)];
      Batch batch = VectorModels.batch(model, random, rows);
      double[] params = VectorModels.params(bytecode.info(), seed);
      String context = model.name() + ", " + rows + " rows";
      for (CompiledModel other : List.of(vector, split, source, splitSource)) {
        BitParity.assertSameBits(bytecode, other, params, batch, context);
      }
    }
  }

  // The definition: a pass of fewer than 24 rows adds its rows in order from +0. A longer one:
  // lane k takes row from + 8g + k of each whole group of 8, lane 0 the rows after the last
  // whole group; each lane from +0 in row order; then the fixed tree.
  private static double canonical(double[] terms, int from, int to) {
    if (to - from < 24) {
      double sum = 0;
      for (int row = from; row < to; row++) {
        sum += terms[row];
      }
      return sum;
    }
    double[] lanes = new double[8];
    int wholeGroupsEnd = to - (to - from) % 8;
    for (int row = from; row < to; row++) {
      lanes[row < wholeGroupsEnd ? (row - from) % 8 : 0] += terms[row];
    }
    return ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5]))
        + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
  }

  // terms[i][row]: the term row adds to sum i, from a pass over that row alone.
  private static double[][] rowTerms(ChunkedKernels kernels, double[] params, Batch batch) {
    double[][] terms = new double[kernels.sumCount()][batch.size()];
    double[] one = new double[kernels.sumCount()];
    for (int row = 0; row < batch.size(); row++) {
      kernels.sums(params, batch, row, row + 1, one);
      for (int i = 0; i < one.length; i++) {
        terms[i][row] = one[i];
      }
    }
    return terms;
  }

  private static double[] sums(ChunkedKernels kernels, double[] params, Batch batch, int from) {
    double[] sums = new double[kernels.sumCount()];
    kernels.sums(params, batch, from, batch.size(), sums);
    return sums;
  }

  private static String shape(Kernel kernel) {
    return kernel.unrollsLanes() ? "lanes in locals"
        : Vectorisable.qualifies(kernel) ? "vectorisable"
        : kernel.isBlocked() ? "blocked" : kernel.sumsInScratch() ? "lanes in scratch" : "other";
  }

  private static void assertSameBits(double actual, double expected, String context) {
    assertWithMessage(context).that(Double.doubleToLongBits(actual))
        .isEqualTo(Double.doubleToLongBits(expected));
  }

  private static void assertSameBits(double[] actual, double[] expected, String context) {
    for (int i = 0; i < expected.length; i++) {
      assertSameBits(actual[i], expected[i], context + ", sum " + i);
    }
  }
}
