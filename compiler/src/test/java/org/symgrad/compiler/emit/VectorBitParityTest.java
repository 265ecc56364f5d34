package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;

/**
 * Vector models give the same bits from the bytecode and from the javac-compiled source, and
 * so do their kernels split into helpers, which also give the bits of the unsplit kernels.
 */
class VectorBitParityTest {
  // Small enough to split these models into many helpers and the calls into groups.
  private static final int TINY_METHODS = 300;
  private static final int TRIALS = 10;

  private static List<ModelDefinition> models() {
    return List.of(VectorModels.mlp13(), VectorModels.softmax3(), VectorModels.logistic(),
        VectorModels.mlp(7, 3), VectorModels.linear(40));
  }

  @Test
  void bytecodeAndSourceAgreeOnVectorModels() {
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, Program> split = new LinkedHashMap<>();
    for (ModelDefinition model : models()) {
      programs.put(SourceEmitter.className(model.name()), Symgrad.lower(model));
      split.put(SourceEmitter.className(model.name()) + "Split",
          Lowering.lower(model, TINY_METHODS));
    }
    Map<String, Program> all = new LinkedHashMap<>(programs);
    all.putAll(split);
    ClassLoader loader = SourceBitIdentityTest.compileAll(all);
    int finite = 0;
    int comparisons = 0;
    for (ModelDefinition model : models()) {
      String name = SourceEmitter.className(model.name());
      CompiledModel bytecode = Symgrad.compile(model);
      CompiledModel source = SourceBitIdentityTest.instantiate(loader, name);
      CompiledModel splitBytecode = ModelClassDefiner.define(split.get(name + "Split"));
      CompiledModel splitSource = SourceBitIdentityTest.instantiate(loader, name + "Split");
      Random random = new Random(name.hashCode());
      for (int trial = 0; trial < TRIALS; trial++) {
        double[] params = VectorModels.params(bytecode.info(), trial);
        var batch = VectorModels.batch(model, random, 1 + random.nextInt(9));
        String context = model.name() + " trial " + trial;
        comparisons++;
        finite += BitParity.assertSameBits(bytecode, source, params, batch, context) ? 1 : 0;
        BitParity.assertSameBits(bytecode, splitBytecode, params, batch, context + " split");
        BitParity.assertSameBits(splitBytecode, splitSource, params, batch,
            context + " split source");
      }
    }
    assertWithMessage("finite results").that(finite).isEqualTo(comparisons);
  }

  @Test
  void tinyMethodsSplitEveryKernelAndGroupTheCalls() {
    Program program = Lowering.lower(VectorModels.mlp(7, 3), TINY_METHODS);
    for (Kernel kernel : program.kernels()) {
      assertThat(kernel.isSplit()).isTrue();
    }
    // The loop calls a few groups, each of which calls many helpers.
    Kernel fused = program.lossAndGradient();
    assertThat(fused.body().size()).isLessThan(30);
    assertThat(fused.helpers().size()).isGreaterThan(4 * fused.body().size());
  }

  @Test
  void splitClassesPassTheVerifier() {
    for (ModelDefinition model : models()) {
      byte[] bytes = BytecodeEmitter.emit(Lowering.lower(model, TINY_METHODS),
          "org/symgrad/compiler/emit/Model_split");
      StringWriter problems = new StringWriter();
      CheckClassAdapter.verify(new ClassReader(bytes), getClass().getClassLoader(), false,
          new PrintWriter(problems));
      assertWithMessage(model.name()).that(problems.toString()).isEmpty();
    }
  }
}
