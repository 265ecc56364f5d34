package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

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

/** Hidden classes get line numbers by default only when their source is worth rendering. */
class LineNumberPolicyTest {

  @Test
  void smallModelsGetLineNumbers() {
    Program program = Symgrad.lower(HandBuiltModels.thermometerNormalized());

    assertThat(lineNumbers(ModelClassDefiner.classFile(program))).isGreaterThan(0);
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
