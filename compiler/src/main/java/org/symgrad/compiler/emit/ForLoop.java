package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISTORE;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The bytecode of {@code for (index = init; index < limit; index += step) body}, as javac
 * writes it: the index set, tested against the limit before each pass and stepped after it.
 * The row loops, block loops, lane loops and the IR's loops are all this one shape.
 */
final class ForLoop {
  private ForLoop() {}

  /**
   * @param mark marks the code that follows with the loop's line, before each of its three
   *     parts (a no-op where there are no line numbers)
   * @param init pushes the index's first value; null for a loop that carries on from the
   *     index's value ({@code for (; row < rows; row++)})
   * @param limit pushes the limit the index stays below
   */
  static void write(MethodVisitor code, Runnable mark, int index, @Nullable Runnable init,
      Runnable limit, int step, Runnable body) {
    Label test = FrameWriter.loopHead();
    Label done = new Label();
    if (init != null) {
      mark.run();
      init.run();
      code.visitVarInsn(ISTORE, index);
    }
    code.visitLabel(test);
    mark.run();
    code.visitVarInsn(ILOAD, index);
    limit.run();
    code.visitJumpInsn(IF_ICMPGE, done);
    body.run();
    mark.run();
    code.visitIincInsn(index, step);
    code.visitJumpInsn(GOTO, test);
    code.visitLabel(done);
  }
}
