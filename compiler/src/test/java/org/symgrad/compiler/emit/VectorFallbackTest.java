package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.SystemProperties;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The scalar kernels stand in wherever vector ones cannot run: for kernels outside {@link
 * Vectorisable}'s whitelist, and in a JVM without the Vector API. The build runs this class a
 * second time in a JVM without {@code --add-modules jdk.incubator.vector}, telling it so with
 * {@code -Dsymgrad.test.vectorModule=absent}.
 */
class VectorFallbackTest {
  private static final String NAME = "org/symgrad/compiler/emit/Model_fallback";

  @AfterEach
  void clearProperty() {
    System.clearProperty(VectorMode.PROPERTY);
  }

  @Test
  void kernelsOutsideTheWhitelistAreWrittenAsWithoutVectors() {
    // tanh, sigmoid and split kernels: asking for vectors changes nothing in the class.
    List<Program> programs = List.of(Symgrad.lower(VectorModels.mlp13()),
        Symgrad.lower(VectorModels.logistic()),
        Lowering.lower(VectorModels.linear(40), 300));
    for (Program program : programs) {
      for (Kernel kernel : program.kernels()) {
        assertThat(Vectorisable.qualifies(kernel)).isFalse();
      }
      assertThat(SourceEmitter.emitWithLines(program, "p", "Symgrad_Fallback", true).text())
          .isEqualTo(SourceEmitter.emitText(program, "p", "Symgrad_Fallback"));
      assertThat(BytecodeEmitter.emit(program, NAME, null, true))
          .isEqualTo(BytecodeEmitter.emit(program, NAME));
    }
  }

  @Test
  void onlyTheSummingLoopsOfAModelVectorise() {
    Program program = Symgrad.lower(LaneWiseModels.thermometer());
    assertThat(Vectorisable.qualifies(program.predict())).isFalse();
    assertThat(Vectorisable.qualifies(program.finish())).isFalse();
    assertThat(Vectorisable.qualifies(program.loss())).isTrue();
    assertThat(Vectorisable.qualifies(program.lossAndGradient())).isTrue();
    assertThat(Vectorisable.qualifies(program.sums())).isTrue();
  }

  @Test
  void theModeComesFromTheSystemProperty() {
    // Unset, the JVM's module decides: vector kernels give the scalar kernels' bits.
    assertThat(SystemProperties.vectorMode()).isEqualTo(VectorMode.AUTO);
    System.setProperty(VectorMode.PROPERTY, "Off");
    assertThat(SystemProperties.vectorMode()).isEqualTo(VectorMode.OFF);
    System.setProperty(VectorMode.PROPERTY, "on");
    assertThat(SystemProperties.vectorMode()).isEqualTo(VectorMode.ON);
    System.setProperty(VectorMode.PROPERTY, "fast");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, SystemProperties::vectorMode);
    assertThat(e).hasMessageThat()
        .isEqualTo("-Dsymgrad.vector=fast: expected off, auto or on");
  }

  @Test
  void withoutTheModuleAutoCompilesTheScalarKernels() {
    assumeFalse(VectorMode.moduleAvailable(), "this JVM has the Vector API");
    Program program = Symgrad.lower(LaneWiseModels.thermometer());
    CompiledModel auto = ModelClassDefiner.define(program, VectorMode.AUTO);
    CompiledModel off = ModelClassDefiner.define(program, VectorMode.OFF);
    Batch batch = VectorKernelsTest.thermometerData(1001);
    double[] params = {5.37, -17.3};
    BitParity.assertSameBits(off, auto, params, batch, "auto without the module");
  }

  @Test
  void withoutTheModuleOnIsAClearError() {
    assumeFalse(VectorMode.moduleAvailable(), "this JVM has the Vector API");
    System.setProperty(VectorMode.PROPERTY, "on");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Symgrad.compile(LaneWiseModels.thermometer()));
    assertThat(e).hasMessageThat().isEqualTo("vector kernels (symgrad.vector=on) need the "
        + "JVM's incubator module: run java with --add-modules jdk.incubator.vector");
  }

  @Test
  void theSecondRunReallyLacksTheModule() {
    // Without this, a build that added the module to every run would skip the two above.
    if ("absent".equals(System.getProperty("symgrad.test.vectorModule"))) {
      assertThat(VectorMode.moduleAvailable()).isFalse();
    }
  }
}
