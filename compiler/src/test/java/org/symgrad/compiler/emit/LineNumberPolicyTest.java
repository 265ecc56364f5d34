package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Hidden classes get line numbers by default only where someone can read them (a debugger can
 * attach, or stack traces show hidden frames) and their source is worth rendering.
 */
class LineNumberPolicyTest {
  private static final int SMALL = 100;
  private static final int LARGE = ModelClassDefiner.LINE_NUMBERS_UP_TO + 1;

  @Test
  void byDefaultOnlyADebuggableJvmRendersThem() {
    assertThat(ModelClassDefiner.wantsLineNumbers("", () -> true, SMALL)).isTrue();
    assertThat(ModelClassDefiner.wantsLineNumbers("", () -> false, SMALL)).isFalse();
    assertThat(ModelClassDefiner.wantsLineNumbers("", () -> true, LARGE)).isFalse();
  }

  @Test
  void thePropertyDecidesWhateverTheJvmAndSize() {
    assertThat(ModelClassDefiner.wantsLineNumbers("true", () -> false, LARGE)).isTrue();
    assertThat(ModelClassDefiner.wantsLineNumbers("TRUE", () -> false, SMALL)).isTrue();
    assertThat(ModelClassDefiner.wantsLineNumbers("false", () -> true, SMALL)).isFalse();
  }

  @Test
  void aJdwpAgentOrShownHiddenFramesMakeTheJvmDebuggable() {
    assertThat(JvmFlags.debuggable(List.of(
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005"))).isTrue();
    assertThat(JvmFlags.debuggable(List.of("-Xrunjdwp:transport=dt_socket"))).isTrue();
    assertThat(JvmFlags.debuggable(List.of("-agentpath:/opt/jdk/lib/libjdwp.so=server=y")))
        .isTrue();
    assertThat(JvmFlags.debuggable(List.of("-XX:+UnlockDiagnosticVMOptions",
        "-XX:+ShowHiddenFrames"))).isTrue();
    assertThat(JvmFlags.debuggable(List.of("-Xmx1g", "-XX:-ShowHiddenFrames",
        "-agentlib:hprof"))).isFalse();
  }

  @Test
  void thisTestJvmIsNotDebuggableSoSmallModelsGoWithoutLines() {
    // Under surefire without -Dmaven.surefire.debug: no agent, no hidden frames.
    assertThat(JvmFlags.DEBUGGABLE).isFalse();
    Program program = Symgrad.lower(HandBuiltModels.thermometerNormalized());

    assertThat(lineNumbers(ModelClassDefiner.classFile(program))).isEqualTo(0);
  }

  @Test
  void askedForTheyAreThere() {
    Program program = Symgrad.lower(HandBuiltModels.thermometerNormalized());
    String before = System.getProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY);
    System.setProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY, "true");
    try {
      assertThat(lineNumbers(ModelClassDefiner.classFile(program,
          org.symgrad.compiler.SystemProperties.emitOptions()))).isGreaterThan(0);
    } finally {
      if (before == null) {
        System.clearProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY);
      } else {
        System.setProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY, before);
      }
    }
  }

  @Test
  void veryLargeModelsGoWithoutThemByDefault() {
    int features = ModelClassDefiner.LINE_NUMBERS_UP_TO / 2;
    Program program = Symgrad.lower(ModelParser.parse("input x[" + features + "]\n"
        + "target y\nparam w[" + features + "]\nmodel sum(j, w[j] * x[j])\n", "wide.sg"));
    assertThat(program.lossAndGradient().temps()).isGreaterThan(
        ModelClassDefiner.LINE_NUMBERS_UP_TO);

    assertThat(lineNumbers(ModelClassDefiner.classFile(program))).isEqualTo(0);
  }

  private static int lineNumbers(byte[] classFile) {
    AtomicInteger count = new AtomicInteger();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitLineNumber(int line, Label start) {
            count.incrementAndGet();
          }
        };
      }
    }, 0);
    return count.get();
  }
}
