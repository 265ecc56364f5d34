package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IOR;
import static org.objectweb.asm.Opcodes.ISHL;
import static org.objectweb.asm.Opcodes.SIPUSH;

import org.objectweb.asm.MethodVisitor;

/** Pushing a constant with the shortest instruction that does, as javac does. */
final class Constants {
  private Constants() {}

  static void pushDouble(MethodVisitor code, double value) {
    if (Double.doubleToRawLongBits(value) == 0L) {
      code.visitInsn(DCONST_0);
    } else if (value == 1.0) {
      code.visitInsn(DCONST_1);
    } else {
      code.visitLdcInsn(value);
    }
  }

  /**
   * Pushes a non-negative index or count. Past 32767 it is built as {@code (high << 15) |
   * low} rather than loaded with {@code ldc}: a model with a hundred thousand parameters or
   * passed values would otherwise fill the class's constant pool with their indices.
   */
  static void pushInt(MethodVisitor code, int value) {
    if (value >= -1 && value <= 5) {
      code.visitInsn(ICONST_0 + value);
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      code.visitIntInsn(BIPUSH, value);
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      code.visitIntInsn(SIPUSH, value);
    } else {
      code.visitIntInsn(SIPUSH, value >>> 15);
      code.visitIntInsn(BIPUSH, 15);
      code.visitInsn(ISHL);
      code.visitIntInsn(SIPUSH, value & 0x7fff);
      code.visitInsn(IOR);
    }
  }
}
