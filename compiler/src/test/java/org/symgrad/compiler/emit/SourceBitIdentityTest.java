package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.InMemoryJavaCompiler;
import org.symgrad.compiler.RandomModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The generated source, compiled by javac, computes the same bits as the bytecode model: on
 * the thermometer, and on random models that together use every op.
 */
class SourceBitIdentityTest {
  private static final String PACKAGE = "org.symgrad.generated";
  private static final int MODELS_PER_OP = 3;
  private static final int TRIALS = 20;

  @Test
  void thermometerSourceGivesTheBytecodeBits() {
    ModelDefinition definition = HandBuiltModels.thermometerNormalized();
    CompiledModel source = compileSource(Symgrad.lower(definition), "Symgrad_Thermometer");
    CompiledModel bytecode = Symgrad.compile(definition);
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      double[] params = {random.nextGaussian() * 3, random.nextGaussian() * 10};
      BitParity.assertSameBits(bytecode, source, params, HandBuiltModels.thermometerBatch(),
          "thermometer trial " + trial);
    }
    // Other data too, an empty batch (0 / 0) among it.
    for (int rows = 0; rows < 40; rows++) {
      double[] params = {random.nextGaussian(), random.nextGaussian()};
      Batch batch = RandomModels.batch(random, rows);
      BitParity.assertSameBits(bytecode, source, params,
          Batch.of(new double[][] {batch.column(0), batch.column(2)}, rows),
          "thermometer on " + rows + " random rows");
    }
  }

  @Test
  void randomModelsOverEveryOpGiveTheBytecodeBits() {
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    long seed = 0;
    for (Op top : RandomModels.OPS) {
      for (int i = 0; i < MODELS_PER_OP; i++, seed++) {
        ModelDefinition definition = RandomModels.model(seed, top);
        String className = "Symgrad_Random" + seed;
        definitions.put(className, definition);
        programs.put(className, Symgrad.lower(definition));
      }
    }
    ClassLoader loader = compileAll(programs);
    int comparisons = 0;
    int finite = 0;
    for (Map.Entry<String, Program> entry : programs.entrySet()) {
      ModelDefinition definition = definitions.get(entry.getKey());
      CompiledModel source = instantiate(loader, entry.getKey());
      // The scalar bytecode, as the source is scalar: vector against source is
      // VectorBitParityTest's (and a NaN's payload may differ between the two).
      CompiledModel bytecode = ModelClassDefiner.define(entry.getValue(), VectorMode.OFF);
      Random random = new Random(entry.getKey().hashCode());
      for (int trial = 0; trial < TRIALS; trial++) {
        String context = definition.name() + " (model " + definition.modelText() + ", loss "
            + definition.lossText() + ", trial " + trial + ")\n" + entry.getValue();
        comparisons++;
        if (BitParity.assertSameBits(bytecode, source, RandomModels.params(random),
            RandomModels.batch(random, 1 + random.nextInt(12)), context)) {
          finite++;
        }
      }
    }
    // Guard against a generator drifting into comparing nothing but NaN and infinity.
    assertWithMessage("finite results in %s of %s comparisons", finite, comparisons)
        .that(finite).isGreaterThan(comparisons / 3);
  }

  /** Compiles the generated source of {@code program} and makes an instance of it. */
  static CompiledModel compileSource(Program program, String className) {
    return instantiate(compileAll(Map.of(className, program)), className);
  }

  static ClassLoader compileAll(Map<String, Program> programs) {
    Map<String, String> sources = new LinkedHashMap<>();
    programs.forEach((className, program) -> sources.put(PACKAGE + "." + className,
        SourceEmitter.emitText(program, PACKAGE, className)));
    return InMemoryJavaCompiler.compileAll(sources);
  }

  static CompiledModel instantiate(ClassLoader loader, String className) {
    try {
      return (CompiledModel) InMemoryJavaCompiler.load(loader, PACKAGE + "." + className)
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate " + className, e);
    }
  }
}
