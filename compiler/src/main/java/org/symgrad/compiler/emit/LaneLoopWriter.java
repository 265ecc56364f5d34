package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.KernelLines;

/**
 * Writes the row loop of a kernel that {@linkplain Kernel#unrollsLanes() writes its body once
 * per lane}, as {@link KernelSource} writes it in Java: each sum in {@value Kernel#LANES}
 * locals, the body once per lane for the rows of each whole group of 8 (lane k reads row
 * {@code row + k}), once more for the last rows, added to lane 0; then each sum's lanes added
 * in the fixed tree of {@link Kernel}'s order. A short pass has no groups: the second loop
 * adds all its rows to lane 0, which is then the sum, without the tree. Eight independent additions per sum also let the CPU overlap them,
 * where one running sum waits for each addition before the next.
 */
final class LaneLoopWriter {
  private final MethodVisitor code;
  private final Kernel kernel;
  private final InstructionWriter writer;
  private final LineMarks marks;

  LaneLoopWriter(MethodVisitor code, Kernel kernel, InstructionWriter writer, LineMarks marks) {
    this.code = code;
    this.kernel = kernel;
    this.writer = writer;
    this.marks = marks;
  }

  /**
   * The lanes set to 0, the loops and the final additions, each sum's lane 0 being its local in
   * {@code sumLocals}, already 0. {@code fromSlot} is -1 when the rows start at 0.
   */
  void write(Map<Accumulator, Integer> sumLocals, int fromSlot, int rowsSlot, int rowSlot) {
    int lanes = Kernel.LANES;
    int body = kernel.body().size();
    List<Map<Accumulator, Integer>> laneLocals = new ArrayList<>();
    laneLocals.add(sumLocals);
    for (int lane = 1; lane < lanes; lane++) {
      laneLocals.add(new HashMap<>());
    }
    int next = 0;
    for (Accumulator sum : kernel.sums()) {
      for (int lane = 1; lane < lanes; lane++) {
        int slot = writer.reserve(2);
        laneLocals.get(lane).put(sum, slot);
        marks.at(next++, KernelLines::lanes);
        code.visitInsn(DCONST_0);
        code.visitVarInsn(DSTORE, slot);
      }
    }
    // groupsEnd = rows - from < SHORT ? from : rows - (rows - from) % 8, stored in each branch
    // so that no jump carries a value on the stack (FrameWriter's rule)
    int groupsEnd = writer.reserve(1);
    marks.at(next++, KernelLines::lanes);
    Label grouped = new Label();
    Label stored = new Label();
    RowRange.jumpUnlessShort(code, rowsSlot, fromSlot, grouped);
    RowRange.pushFrom(code, fromSlot);
    code.visitVarInsn(ISTORE, groupsEnd);
    code.visitJumpInsn(GOTO, stored);
    code.visitLabel(grouped);
    code.visitVarInsn(ILOAD, rowsSlot);
    code.visitVarInsn(ILOAD, rowsSlot);
    RowRange.pushFrom(code, fromSlot);
    code.visitInsn(ISUB);
    code.visitIntInsn(BIPUSH, lanes - 1);
    code.visitInsn(IAND);
    code.visitInsn(ISUB);
    code.visitVarInsn(ISTORE, groupsEnd);
    code.visitLabel(stored);
    // for (row = from; row < groupsEnd; row += 8)
    ForLoop.write(code, () -> marks.at(KernelLines::loop), rowSlot,
        () -> RowRange.pushFrom(code, fromSlot), () -> code.visitVarInsn(ILOAD, groupsEnd),
        lanes, () -> {
          writer.inRowLoop(true);
          for (int lane = 0; lane < lanes; lane++) {
            writer.lane(lane, laneLocals.get(lane));
            emitBody(lane * body);
          }
          writer.lane(0, null);
          writer.inRowLoop(false);
        });
    // for (row = groupsEnd; row < rows; row++), into lane 0: every row of a short pass
    int tailLine = next++;
    if (tailLine != rowsAfterGroupsLine(kernel)) {
      throw new IllegalStateException("the lines of the lane loop are out of step");
    }
    ForLoop.write(code, () -> marks.at(tailLine, KernelLines::lanes), rowSlot,
        () -> code.visitVarInsn(ILOAD, groupsEnd), () -> code.visitVarInsn(ILOAD, rowsSlot), 1,
        () -> {
          writer.inRowLoop(true);
          emitBody(rowsAfterGroupsBodyLine(kernel));
          writer.inRowLoop(false);
        });
    // if (groupsEnd > from): a short pass's sum is its lane 0, the tree would only cost
    Label shortPass = new Label();
    marks.at(next++, KernelLines::lanes);
    code.visitVarInsn(ILOAD, groupsEnd);
    if (fromSlot >= 0) {
      code.visitVarInsn(ILOAD, fromSlot);
      code.visitJumpInsn(IF_ICMPLE, shortPass);
    } else {
      code.visitJumpInsn(IFLE, shortPass);
    }
    // s = ((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7))
    for (Accumulator sum : kernel.sums()) {
      marks.at(next++, KernelLines::lanes);
      RowRange.addLanes(code, lane -> code.visitVarInsn(DLOAD, laneLocals.get(lane).get(sum)));
      code.visitVarInsn(DSTORE, sumLocals.get(sum));
    }
    code.visitLabel(shortPass);
  }

  /**
   * Which of {@code KernelLines.lanes()} is the line of the loop over the rows after the last
   * group, every row of a short pass: after each sum's lanes 1 to 7 and {@code groupsEnd}.
   */
  static int rowsAfterGroupsLine(Kernel kernel) {
    return kernel.sums().size() * (Kernel.LANES - 1) + 1;
  }

  /** Which of {@code KernelLines.body()} is the first statement of that loop's body. */
  static int rowsAfterGroupsBodyLine(Kernel kernel) {
    return Kernel.LANES * kernel.body().size();
  }

  // The body once, its statements' lines from the first at 'first' in KernelLines.body().
  private void emitBody(int first) {
    for (int i = 0; i < kernel.body().size(); i++) {
      marks.at(first + i, KernelLines::body);
      writer.emit(kernel.body().get(i));
    }
  }
}
