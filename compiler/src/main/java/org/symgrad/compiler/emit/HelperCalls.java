package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;

import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Layout;

/**
 * The bytecode of a kernel's calls out of its own method: to its split helpers, and to the
 * runtime's {@code SumLanes}, which places a row's sums in their lane of the scratch array
 * (see {@link Kernel} on the order of a row sum). Each call is written as javac writes the
 * source's, so the two emitters' methods line up.
 */
final class HelperCalls {
  private HelperCalls() {}

  /** The descriptor of the kernel's helpers: its own arguments, then rows, row, lane, scratch. */
  static String helperDescriptor(Kernel kernel) {
    String batch = "L" + BytecodeEmitter.BATCH + ";";
    return "([D" + batch + (kernel.kind() == Kernel.Kind.LOSS ? "" : "[D") + "III[D)V";
  }

  /** {@code partN(params, batch, [array,] rows, row or 0, lane or 0, scratch)}. */
  static void call(MethodVisitor code, String owner, Kernel kernel, Layout frame,
      boolean inRowLoop, int helper) {
    code.visitVarInsn(ALOAD, frame.params().slot());
    code.visitVarInsn(ALOAD, frame.batch().slot());
    if (kernel.kind() != Kernel.Kind.LOSS) {
      code.visitVarInsn(ALOAD, frame.array().slot());
    }
    code.visitVarInsn(ILOAD, frame.rows().slot());
    if (inRowLoop) {
      code.visitVarInsn(ILOAD, frame.row().slot());
    } else {
      code.visitInsn(ICONST_0);
    }
    if (inRowLoop && kernel.sumsRows()) {
      code.visitVarInsn(ILOAD, frame.lane().slot());
    } else {
      code.visitInsn(ICONST_0);
    }
    code.visitVarInsn(ALOAD, frame.scratch().slot());
    code.visitMethodInsn(INVOKESTATIC, owner, kernel.helperName(helper),
        helperDescriptor(kernel), false);
  }

  /** {@code + lane}: the row's lane of a sum in scratch, added to the index on the stack. */
  static void addLane(MethodVisitor code, Layout frame) {
    code.visitVarInsn(ILOAD, frame.lane().slot());
    code.visitInsn(IADD);
  }

  /** {@code SumLanes.total(array, at)}, the two on the stack. */
  static void totalOfLanes(MethodVisitor code) {
    code.visitMethodInsn(INVOKESTATIC, BytecodeEmitter.SUM_LANES, "total", "([DI)D", false);
  }

  /**
   * {@code lane = SumLanes.lane(row, from or 0, rows)}: where a kernel with its sums in scratch
   * starts each row; nothing for a kernel without a lane local.
   */
  static void setLane(MethodVisitor code, Kernel kernel, Layout frame) {
    if (frame.lane().slot() < 0 || !kernel.sumsRows()) {
      return;
    }
    code.visitVarInsn(ILOAD, frame.row().slot());
    if (frame.from().slot() >= 0) {
      code.visitVarInsn(ILOAD, frame.from().slot());
    } else {
      code.visitInsn(ICONST_0);
    }
    code.visitVarInsn(ILOAD, frame.rows().slot());
    code.visitMethodInsn(INVOKESTATIC, BytecodeEmitter.SUM_LANES, "lane", "(III)I", false);
    code.visitVarInsn(ISTORE, frame.lane().slot());
  }
}
