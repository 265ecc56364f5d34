package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISUB;

import java.util.function.IntConsumer;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Kernel;

/**
 * The bytecode of a pass's rows {@code [from, rows)}, shared by the loop writers: the first row
 * (the {@code from} parameter, or 0 in a kernel without one), the test for a short pass, which
 * every backend adds in row order ({@link Kernel#SHORT}), and the fixed tree in which a longer
 * pass adds a sum's {@value Kernel#LANES} lanes.
 */
final class RowRange {
  private RowRange() {}

  /** Pushes the pass's first row: {@code from}'s slot, or 0 when {@code fromSlot} is -1. */
  static void pushFrom(MethodVisitor code, int fromSlot) {
    if (fromSlot >= 0) {
      code.visitVarInsn(ILOAD, fromSlot);
    } else {
      code.visitInsn(ICONST_0);
    }
  }

  /**
   * {@code ((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7))}, Kernel's order of a row sum,
   * left on the stack; {@code pushLane} pushes lane {@code k}.
   */
  static void addLanes(MethodVisitor code, IntConsumer pushLane) {
    for (int quarter = 0; quarter < Kernel.LANES / 2; quarter++) {
      pushLane.accept(quarter);
      pushLane.accept(quarter + Kernel.LANES / 2);
      code.visitInsn(DADD);
      if (quarter % 2 == 1) {
        code.visitInsn(DADD);
      }
    }
    code.visitInsn(DADD);
  }

  /** {@code if (rows - from >= Kernel.SHORT) goto longPass}. */
  static void jumpUnlessShort(MethodVisitor code, int rowsSlot, int fromSlot, Label longPass) {
    pushLength(code, rowsSlot, fromSlot);
    code.visitJumpInsn(IF_ICMPGE, longPass);
  }

  /** {@code if (rows - from < Kernel.SHORT) goto shortPass}. */
  static void jumpIfShort(MethodVisitor code, int rowsSlot, int fromSlot, Label shortPass) {
    pushLength(code, rowsSlot, fromSlot);
    code.visitJumpInsn(IF_ICMPLT, shortPass);
  }

  // rows - from (rows where the pass starts at 0), then Kernel.SHORT, for a comparison
  private static void pushLength(MethodVisitor code, int rowsSlot, int fromSlot) {
    code.visitVarInsn(ILOAD, rowsSlot);
    if (fromSlot >= 0) {
      code.visitVarInsn(ILOAD, fromSlot);
      code.visitInsn(ISUB);
    }
    code.visitIntInsn(BIPUSH, Kernel.SHORT);
  }
}
