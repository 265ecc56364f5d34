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
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * The loss-only chunk kernel ({@code lossSums}, a validation pass without gradient) writes the
 * loss sum the gradient chunk kernel ({@code sums}) writes, bit for bit, and nothing else; so
 * {@link ParallelObjective#loss} returns the loss {@link ParallelObjective#lossAndGradient}
 * returns, on any thread count, scalar or vector, from the bytecode or the source.
 */
class LossOnlyChunksTest {
  // Not multiples of the 8 lanes or of the 4096-row chunk, around the short pass, and several
  // chunks whose last is short.
  private static final int[] ROWS = {1, 7, 9, Kernel.SHORT - 1, Kernel.SHORT + 1, 100, 4095,
      4097, 4096 + Kernel.SHORT - 1, 8195, 9001};
  // What lossSums must leave alone: a NaN no kernel computes.
  private static final double UNTOUCHED = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);


  @Property(tries = 8)
  void theLossOnlyPassIsTheGradientPassesLoss(@ForAll @LongRange(max = 1_000_000) long seed) {
    Random random = new Random(seed);
    int checked = 0;
    for (ModelDefinition model : ChunkedModels.drawn(seed)) {
      Program program = Symgrad.lower(model);
      if (program.isChunked()) {
        checked++;
        check(model, program, ROWS[random.nextInt(ROWS.length)], seed);
      }
    }
    assertThat(checked).isAtLeast(3);
  }

  @Test
  void everyRowCountOnEveryKernelShape() {
    long seed = 18;
    java.util.Set<String> shapes = new java.util.TreeSet<>();
    for (ModelDefinition model : ChunkedModels.everyShape(seed)) {
      Program program = Symgrad.lower(model);
      if (program.isChunked()) {
        shapes.add(shape(program.lossSums()));
        if (Vectorisable.qualifies(program.lossSums())) {
          shapes.add("vector kernel");
        }
        for (int rows : ROWS) {
          check(model, program, rows, seed + rows);
        }
      }
    }
    // What makes the checks above cover each way a loop is written.
    assertThat(shapes).containsAtLeast("lanes in locals", "vector kernel", "lanes in scratch");
  }

  @Test
  void anOrdinaryChunkedProgramHasALossOnlyKernelThatSumsTheLossAlone() {
    Program program = Symgrad.lower(LaneWiseModels.thermometer());
    Kernel lossSums = program.lossSums();
    assertThat(lossSums).isNotNull();
    assertThat(lossSums.kind()).isEqualTo(Kernel.Kind.LOSS_SUMS);
    assertThat(lossSums.sums()).hasSize(1);
    assertThat(lossSums.sums().get(0).index()).isEqualTo(0);
    assertThat(program.sums().sums().size()).isGreaterThan(1);
    assertThat(program.kernels()).contains(lossSums);
  }

  @Property(tries = 3)
  void theSourceEmittersLossOnlyKernelIsTheBytecodes(
      @ForAll @LongRange(max = 1_000_000) long seed) {
    Random random = new Random(seed);
    List<ModelDefinition> models = ChunkedModels.drawn(seed);
    Map<String, Program> programs = new LinkedHashMap<>();
    for (ModelDefinition model : ChunkedModels.everyShape(seed)) {
      programs.put(SourceEmitter.className(model.name()), Symgrad.lower(model));
    }
    ClassLoader loader = SourceBitIdentityTest.compileAll(programs);
    for (ModelDefinition model : ChunkedModels.everyShape(seed)) {
      String name = SourceEmitter.className(model.name());
      if (!programs.get(name).isChunked()) {
        continue;
      }
      ChunkedKernels bytecode =
          (ChunkedKernels) ModelClassDefiner.define(programs.get(name), VectorMode.OFF);
      ChunkedKernels source = (ChunkedKernels) SourceBitIdentityTest.instantiate(loader, name);
      int rows = ROWS[random.nextInt(ROWS.length)];
      Batch batch = VectorModels.batch(model, random, rows);
      double[] params = VectorModels.params(((CompiledModel) bytecode).info(), seed);
      for (int from : new int[] {0, rows / 3}) {
        assertSameBits(lossSum(source, params, batch, from), lossSum(bytecode, params, batch,
            from), model.name() + ", " + rows + " rows from " + from + ": source");
      }
    }
  }

  // lossSums against sums from row 0 and from row 3, scalar and vector; then ParallelObjective's
  // loss against its lossAndGradient's and against the default lossSums (sums), on 1, 2 and 7
  // threads; and for one chunk, the model's one-loop loss.
  private static void check(ModelDefinition model, Program program, int rows, long seed) {
    Random random = new Random(seed);
    ChunkedKernels scalar = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.OFF);
    ChunkedKernels vector = (ChunkedKernels) ModelClassDefiner.define(program, VectorMode.ON);
    Batch batch = VectorModels.batch(model, random, rows);
    double[] params = VectorModels.params(((CompiledModel) scalar).info(), seed);
    String context = model.name() + " (" + shape(program.lossSums()) + "), " + rows + " rows";
    for (int from : new int[] {0, Math.min(3, rows)}) {
      double[] gradientPass = new double[scalar.sumCount()];
      scalar.sums(params, batch, from, rows, gradientPass);
      for (ChunkedKernels kernels : List.of(scalar, vector)) {
        double[] lossPass = new double[kernels.sumCount()];
        java.util.Arrays.fill(lossPass, UNTOUCHED);
        kernels.lossSums(params, batch, from, rows, lossPass);
        String where = context + (kernels == scalar ? " scalar" : " vector") + " from " + from;
        assertSameBits(lossPass[0], gradientPass[0], where);
        for (int i = 1; i < lossPass.length; i++) {
          assertSameBits(lossPass[i], UNTOUCHED, where + ", sum " + i + " left alone");
        }
      }
    }
    double expected = new ParallelObjective(scalar, 1).lossAndGradient(params, batch,
        new double[params.length]);
    assertSameBits(new ParallelObjective(withoutLossSums(scalar), 1).loss(params, batch),
        expected, context + ", the default lossSums");
    for (ChunkedKernels kernels : List.of(scalar, vector)) {
      for (int threads : new int[] {1, 2, 7}) {
        ParallelObjective objective = new ParallelObjective(kernels, threads);
        double[] grad = new double[params.length];
        // After a gradient pass, whose partial sums the loss-only pass leaves behind.
        assertSameBits(objective.lossAndGradient(params, batch, grad), expected,
            context + ", " + threads + " threads, gradient pass");
        assertSameBits(objective.loss(params, batch), expected,
            context + ", " + threads + " threads, loss-only pass");
      }
    }
    if (rows <= ParallelObjective.CHUNK_ROWS) { // one chunk: the one-loop kernel's loss
      assertSameBits(((CompiledModel) scalar).loss(params, batch), expected,
          context + ", the one loop");
    }
  }

  // The model's chunked kernels without its lossSums: the interface's default, which runs sums.
  private static ChunkedKernels withoutLossSums(ChunkedKernels kernels) {
    return new ChunkedKernels() {
      @Override
      public int sumCount() {
        return kernels.sumCount();
      }

      @Override
      public void sums(double[] params, Batch batch, int from, int to, double[] sums) {
        kernels.sums(params, batch, from, to, sums);
      }

      @Override
      public double finish(double[] params, double[] sums, int rows, double[] grad) {
        return kernels.finish(params, sums, rows, grad);
      }
    };
  }

  private static double lossSum(ChunkedKernels kernels, double[] params, Batch batch,
      int from) {
    double[] sums = new double[kernels.sumCount()];
    kernels.lossSums(params, batch, from, batch.size(), sums);
    return sums[0];
  }

  private static String shape(Kernel kernel) {
    return kernel.unrollsLanes() ? "lanes in locals"
        : Vectorisable.qualifies(kernel) ? "vectorisable"
        : kernel.isBlocked() ? "blocked" : kernel.sumsInScratch() ? "lanes in scratch" : "other";
  }

  private static void assertSameBits(double actual, double expected, String context) {
    assertWithMessage(context).that(Double.doubleToRawLongBits(actual))
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }
}
