package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.emit.VectorMode;

/**
 * {@code -Dsymgrad.vector} set by hand ({@code java -Dsymgrad.vector=on -jar symgrad.jar}, not
 * through the launcher) in a JVM without the incubator module, as this module's tests run: a
 * bad input with its fix, never an internal error.
 */
class VectorModeSettingTest {
  private static final String MODEL = "../samples/thermometer/thermometer.sg";

  @Test
  void onWithoutTheModuleSaysHowToAddIt() {
    assertThat(VectorMode.moduleAvailable()).isFalse();
    CommandRun run = withVectorMode("on", "fit", MODEL, "--epochs", "1");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--add-modules jdk.incubator.vector");
    assertThat(run.err()).doesNotContain("internal error");
  }

  @Test
  void anUnknownValueListsTheKnownOnes() {
    CommandRun run = withVectorMode("sideways", "fit", MODEL, "--epochs", "1");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("-Dsymgrad.vector=sideways: expected off, auto or on");
  }

  @Test
  void autoWithoutTheModuleFitsWithScalarKernels() {
    CommandRun auto = withVectorMode("auto", "fit", MODEL, "--epochs", "50", "--json");
    CommandRun off = withVectorMode("off", "fit", MODEL, "--epochs", "50", "--json");

    assertThat(auto.exitCode()).isEqualTo(0);
    // The same digits as the scalar kernels print: auto fell back to them.
    assertThat(auto.out()).isEqualTo(off.out());
    assertThat(auto.err()).doesNotContain("jdk.incubator.vector");
  }

  private static synchronized CommandRun withVectorMode(String mode, String... args) {
    String before = System.getProperty(VectorMode.PROPERTY);
    System.setProperty(VectorMode.PROPERTY, mode);
    try {
      return CommandRun.of(args);
    } finally {
      if (before == null) {
        System.clearProperty(VectorMode.PROPERTY);
      } else {
        System.setProperty(VectorMode.PROPERTY, before);
      }
    }
  }
}
