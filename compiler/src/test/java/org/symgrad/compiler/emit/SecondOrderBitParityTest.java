package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.RandomModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.second.SecondOrder;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The Jacobian and Hessian kernels from the generated source, compiled by javac, compute the
 * same bits as from the bytecode emitter: on the NIST and sample models and on random models.
 */
class SecondOrderBitParityTest {
  private static final List<Path> MODELS = List.of(
      Path.of("src/test/resources/nist/Thurber.sg"),
      Path.of("src/test/resources/nist/Roszman1.sg"),
      Path.of("src/test/resources/nist/ENSO.sg"),
      Path.of("../samples/thermometer/thermometer_poly.sg"),
      Path.of("../samples/softmax/blobs.sg"));

  @Test
  void derivedKernelsGiveTheSameBitsFromSourceAndBytecode() {
    Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    int index = 0;
    for (Path file : MODELS) {
      ModelDefinition model = Symgrad.parseFile(file);
      if (SecondOrder.leastSquaresProblem(model).isEmpty()) {
        definitions.put("Symgrad_Jacobian" + index, SecondOrder.jacobianModel(model));
      }
      definitions.put("Symgrad_Hessian" + index, SecondOrder.hessianModel(model));
      index++;
    }
    for (long seed = 0; seed < 12; seed++) {
      Op top = RandomModels.OPS.get((int) (seed * 7 % RandomModels.OPS.size()));
      ModelDefinition model = RandomModels.model(seed, top);
      definitions.put("Symgrad_RandomHessian" + seed, SecondOrder.hessianModel(model));
    }
    Map<String, Program> programs = new LinkedHashMap<>();
    definitions.forEach((name, definition) -> programs.put(name, Symgrad.lower(definition)));
    ClassLoader loader = SourceBitIdentityTest.compileAll(programs);
    int finite = 0;
    int comparisons = 0;
    for (Map.Entry<String, ModelDefinition> entry : definitions.entrySet()) {
      ModelDefinition definition = entry.getValue();
      CompiledModel source = SourceBitIdentityTest.instantiate(loader, entry.getKey());
      CompiledModel bytecode = Symgrad.compile(definition);
      Random random = new Random(entry.getKey().hashCode());
      int width = definition.inputs().size() + 1;
      for (int trial = 0; trial < 5; trial++) {
        int rows = 1 + random.nextInt(20);
        double[][] columns = new double[width][rows];
        for (double[] column : columns) {
          for (int r = 0; r < rows; r++) {
            column[r] = random.nextDouble() * 4 - 2;
          }
        }
        double[] params = new double[bytecode.info().parameterCount()];
        for (int i = 0; i < params.length; i++) {
          params[i] = random.nextDouble() * 2 - 1;
        }
        comparisons++;
        if (BitParity.assertSameBits(bytecode, source, params, Batch.of(columns, rows),
            entry.getKey() + " trial " + trial)) {
          finite++;
        }
      }
    }
    assertWithMessage("finite results in %s of %s comparisons", finite, comparisons)
        .that(finite).isGreaterThan(comparisons / 3);
  }
}
