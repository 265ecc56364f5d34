package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;

/** Emitted classes verify, and compute what the graph says. */
class BytecodeEmitterTest {

  @Test
  void emittedClassPassesTheVerifier() {
    Program program = Symgrad.lower(HandBuiltModels.thermometerNormalized());
    byte[] bytes = BytecodeEmitter.emit(program, "org/symgrad/compiler/emit/Model_check");
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(bytes), getClass().getClassLoader(), false,
        new PrintWriter(problems));
    assertThat(problems.toString()).isEmpty();
  }

  @Test
  void lossEqualsTheGraphEvaluatedRowByRow() {
    ModelDefinition definition = HandBuiltModels.thermometerNormalized();
    CompiledModel model = Symgrad.compile(definition);
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      double w = random.nextGaussian() * 3;
      double b = random.nextGaussian() * 10;
      double sum = 0;
      for (int i = 0; i < HandBuiltModels.T_U.length; i++) {
        sum += Evaluator.evaluate(definition.sampleLoss(), Map.of("w", w, "b", b,
            "t_u", HandBuiltModels.T_U[i], "t_c", HandBuiltModels.T_C[i]));
      }
      double expected = sum / HandBuiltModels.T_U.length;
      assertThat(model.loss(new double[] {w, b}, HandBuiltModels.thermometerBatch()))
          .isWithin(1e-12 * Math.abs(expected)).of(expected);
    }
  }

  @Test
  void modelsAreHiddenClasses() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    assertThat(model.getClass().isHidden()).isTrue();
    assertThat(model.info().name()).isEqualTo("thermometer_normalized");
  }

  @Test
  void javaNameReplacesWhatJavaCannotName() {
    assertThat(ModelClassDefiner.javaName("thermo-meter v2")).isEqualTo("thermo_meter_v2");
    assertThat(ModelClassDefiner.javaName("2d")).isEqualTo("_2d");
  }
}
