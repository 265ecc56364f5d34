package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.symgrad.compiler.RandomVectorModels;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Loops give the straight-line code's bits: random vector models lowered with every run of two
 * or more rolled into a loop (in one method, and split into tiny helpers) against the same
 * models fully unrolled, and the javac-compiled source of rolled models against their bytecode.
 * Batches of a few rows and of several blocks of rows, the last one short, so that kernels
 * whose rows run in blocks ({@code Interchanger}) are tested across block boundaries too.
 */
class RerollParityTest {
  private static final int LIMIT = 7900;
  private static final int TINY_METHODS = 300;
  private static final int ALWAYS = 2;
  private static final int MIN_BLOCKED = 60;

  @Property(tries = 200)
  void loopsGiveTheUnrolledBits(@ForAll long seed) {
    ModelDefinition model = RandomVectorModels.model(seed);
    String text = RandomVectorModels.text(seed);
    Program rolled = Lowering.lower(model, LIMIT, ALWAYS);
    assertVerifies(rolled, text);
    assertVerifies(Lowering.lower(model, TINY_METHODS, ALWAYS), text);
    CompiledModel unrolled = ModelClassDefiner.define(
        Lowering.lower(model, LIMIT, Integer.MAX_VALUE));
    CompiledModel looped = ModelClassDefiner.define(rolled);
    CompiledModel loopedSplit = ModelClassDefiner.define(
        Lowering.lower(model, TINY_METHODS, ALWAYS));
    Random random = new Random(seed);
    CompiledModel rowByRow = ModelClassDefiner.define(
        Lowering.lower(model, LIMIT, ALWAYS, false));
    for (int trial = 0; trial < 4; trial++) {
      double[] params = VectorModels.params(unrolled.info(), seed + trial);
      Batch batch = VectorModels.batch(model, random, rows(random, trial));
      String context = text + "trial " + trial;
      BitParity.assertSameBits(unrolled, looped, params, batch, context);
      BitParity.assertSameBits(unrolled, loopedSplit, params, batch, context + " split");
      BitParity.assertSameBits(unrolled, rowByRow, params, batch, context + " row by row");
    }
  }

  // A few rows, or more than two blocks with a short last one.
  private static int rows(Random random, int trial) {
    return trial % 2 == 0 ? 1 + random.nextInt(9) : 2 * 256 + 1 + random.nextInt(255);
  }

  // So that the property tests blocks of rows at all: most random models have the shape.
  @Test
  void manyRandomModelsRunTheirRowsInBlocks() {
    int blocked = 0;
    for (long seed = 0; seed < 100; seed++) {
      if (Lowering.lower(RandomVectorModels.model(seed), LIMIT, ALWAYS).toString()
          .contains("for each block of")) {
        blocked++;
      }
    }
    assertThat(blocked).isAtLeast(MIN_BLOCKED);
  }

  // So that the property does not compare straight-line code with itself: a sum whose terms
  // simplify away (x[j] - x[j]) has nothing to roll, but such models must be rare.
  @Test
  void nearlyEveryRandomModelHasLoops() {
    int withLoops = 0;
    for (long seed = 0; seed < 100; seed++) {
      if (Lowering.lower(RandomVectorModels.model(seed), LIMIT, ALWAYS).toString()
          .contains("loop j")) {
        withLoops++;
      }
    }
    assertThat(withLoops).isAtLeast(90);
  }

  @Test
  void sourceOfLoopsGivesTheBytecodesBits() {
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelDefinition> models = new LinkedHashMap<>();
    for (long seed = 0; seed < 12; seed++) {
      ModelDefinition model = RandomVectorModels.model(seed);
      models.put("Symgrad_Rolled" + seed, model);
      programs.put("Symgrad_Rolled" + seed, Lowering.lower(model, LIMIT, ALWAYS));
      models.put("Symgrad_RolledSplit" + seed, model);
      programs.put("Symgrad_RolledSplit" + seed, Lowering.lower(model, TINY_METHODS, ALWAYS));
    }
    models.put("Symgrad_Linear40", VectorModels.linear(40));
    programs.put("Symgrad_Linear40", Lowering.lower(VectorModels.linear(40)));
    assertThat(programs.get("Symgrad_Linear40").toString()).contains("loop j < 40");
    ClassLoader loader = SourceBitIdentityTest.compileAll(programs);
    for (String name : programs.keySet()) {
      CompiledModel bytecode = ModelClassDefiner.define(programs.get(name));
      CompiledModel source = SourceBitIdentityTest.instantiate(loader, name);
      Random random = new Random(name.hashCode());
      for (int trial = 0; trial < 4; trial++) {
        double[] params = VectorModels.params(bytecode.info(), trial);
        Batch batch = VectorModels.batch(models.get(name), random, rows(random, trial));
        BitParity.assertSameBits(bytecode, source, params, batch, name + " trial " + trial);
      }
    }
  }

  private static void assertVerifies(Program program, String text) {
    byte[] bytes = BytecodeEmitter.emit(program, "org/symgrad/compiler/emit/Model_rolled");
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(bytes), RerollParityTest.class.getClassLoader(),
        false, new PrintWriter(problems));
    assertWithMessage(text).that(problems.toString()).isEmpty();
  }
}
