package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.symgrad.compiler.RandomVectorModels;
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
 * bits, at row counts that are not multiples of the 8 lanes or of the 4096-row chunk.
 *
 * <p>The reference is written here from the definition alone: each row's terms come from a
 * one-row pass, then go to their lanes, which are added in the fixed tree.
 */
class SumOrderTest {
  private static final int[] ROWS = {1, 7, 8, 9, 4095, 4097, 8195};
  private static final int TINY_METHODS = 300;

  private static List<ModelDefinition> models(long seed) {
    Random random = new Random(seed);
    List<ModelDefinition> models = new ArrayList<>(LaneWiseModels.draw(seed, 2));
    models.add(RandomVectorModels.model(seed));
    models.add(LaneWiseModels.thermometer());
    List<ModelDefinition> fixed = List.of(VectorModels.linear(40), VectorModels.mlp13(),
        VectorModels.softmax3(), VectorModels.logistic(), VectorModels.mlp(7, 3));
    models.add(fixed.get(random.nextInt(fixed.size())));
    return models;
  }

  @Property(tries = 6)
  void scalarVectorAndThreadsFollowTheOneOrder(@ForAll @LongRange(max = 1_000_000) long seed) {
    Random random = new Random(seed);
    int kernelShapes = 0;
    for (ModelDefinition model : models(seed)) {
      Program program = Symgrad.lower(model);
      if (!program.isChunked()) {
        continue;
      }
      kernelShapes++;
      ChunkedKernels scalar = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.OFF);
      ChunkedKernels vector = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.ON);
      int rows = ROWS[random.nextInt(ROWS.length)];
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
      // Chunks of 4096 rows, added in chunk order, on any number of threads.
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
    assertThat(kernelShapes).isAtLeast(3);
  }

  @Property(tries = 3)
  void splitKernelsAndBothEmittersGiveTheSameBits(
      @ForAll @LongRange(max = 1_000_000) long seed) {
    Random random = new Random(seed);
    List<ModelDefinition> models = models(seed);
    Map<String, Program> programs = new LinkedHashMap<>();
    for (ModelDefinition model : models) {
      programs.put(SourceEmitter.className(model.name()), Symgrad.lower(model));
      programs.put(SourceEmitter.className(model.name()) + "Split",
          Lowering.lower(model, TINY_METHODS));
    }
    ClassLoader loader = SourceBitIdentityTest.compileAll(programs);
    for (ModelDefinition model : models) {
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

  // The definition: lane k takes row from + 8g + k of each whole group of 8, lane 0 the rows
  // after the last whole group; each lane from +0 in row order; then the fixed tree.
  private static double canonical(double[] terms, int from, int to) {
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
