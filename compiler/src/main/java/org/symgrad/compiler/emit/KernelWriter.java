package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.KernelLines;
import org.symgrad.compiler.lower.Layout;
import org.symgrad.compiler.lower.LengthCheck;

/**
 * Writes one {@link Kernel} as its method: prologue, the row loop over the body, epilogue;
 * and, for a split kernel, each helper as a private static method. {@link InstructionWriter}
 * translates the instructions.
 *
 * <p>Given the {@link KernelLines} of the generated source, it also marks each
 * statement with its line, so that debuggers and stack traces of the bytecode model point
 * into that source.
 */
final class KernelWriter {
  private final ClassWriter classWriter;
  private final String owner;
  private final Kernel kernel;
  private final @Nullable KernelLines lines; // null: no line numbers
  private final boolean vectorised;
  private final boolean shortOnly;
  private final boolean sumsInScratch; // asked once: the answer walks the kernel's code
  private final Map<Accumulator, Integer> sumSlots = new HashMap<>();
  private MethodVisitor code;
  private LineMarks marks;

  /**
   * {@code lines} may be null: then the methods carry no line numbers. A vectorised kernel's
   * row loop is {@link VectorLoopWriter}'s. With {@code shortOnly}, the method runs the
   * kernel's short passes alone, in row order as the whole kernel does, and passes a pass of
   * {@link Kernel#SHORT} rows or more on to the deferred class ({@link
   * BytecodeEmitter.Part#shortFirst}).
   */
  KernelWriter(ClassWriter classWriter, String owner, Kernel kernel,
      @Nullable KernelLines lines, boolean shortOnly) {
    this.classWriter = classWriter;
    this.owner = owner;
    this.kernel = kernel;
    this.lines = lines;
    this.vectorised = kernel.vectorised();
    this.shortOnly = shortOnly;
    this.sumsInScratch = kernel.sumsInScratch();
    if (shortOnly && !vectorised && !kernel.unrollsLanes()) {
      throw new IllegalArgumentException("only a kernel that sums in lanes of locals or vectors"
          + " has short passes of its own");
    }
    for (int i = 0; i < kernel.sums().size(); i++) { // lane 0 of each sum in scratch
      sumSlots.put(kernel.sums().get(i), Kernel.LANES * i);
    }
  }

  void write() {
    writeMain();
    for (Kernel.Helper helper : kernel.helpers()) {
      writeHelper(helper);
    }
  }

  private void writeMain() {
    String descriptor = descriptor(kernel.kind());
    code = FrameWriter.method(classWriter, owner, ACC_PUBLIC, kernel.kind().methodName(),
        descriptor);
    marks = new LineMarks(code, lines);
    code.visitCode();
    Kernel.Kind kind = kernel.kind();
    Layout layout = kernel.layout();
    int batchSlot = layout.batch().slot();
    int fromSlot = layout.from().slot();
    int rowsSlot = layout.rows().slot();
    int rowSlot = layout.row().slot();
    int scratchSlot = layout.scratch().slot();
    int blockSlot = layout.block().slot();
    int blockEndSlot = layout.blockEnd().slot();
    Map<Integer, Integer> columnSlots = layout.columns();
    Map<Accumulator, Integer> sumLocals = layout.sums();
    InstructionWriter writer = new InstructionWriter(code, owner, kernel, layout, sumSlots);

    if (!kind.chunked()) {
      marks.at(KernelLines::rows);
      code.visitVarInsn(ALOAD, batchSlot);
      code.visitMethodInsn(INVOKEVIRTUAL, BytecodeEmitter.BATCH, "size", "()I", false);
      code.visitVarInsn(ISTORE, rowsSlot);
    }
    writeChecks(writer, layout, rowsSlot);
    if (shortOnly) {
      // if (rows >= SHORT) return later.lossAndGradient(params, batch, grad);
      Label shortPass = new Label();
      RowRange.jumpIfShort(code, rowsSlot, fromSlot, shortPass);
      DeferredCalls.passOn(code, owner, kind);
      code.visitLabel(shortPass);
    }
    if (sumsInScratch) { // double[] scratch = SCRATCH.get();
      marks.at(KernelLines::scratch);
      code.visitFieldInsn(GETSTATIC, owner, BytecodeEmitter.SCRATCH_FIELD,
          BytecodeEmitter.THREAD_LOCAL_DESCRIPTOR);
      code.visitMethodInsn(INVOKEVIRTUAL, "java/lang/ThreadLocal", "get",
          "()Ljava/lang/Object;", false);
      code.visitTypeInsn(CHECKCAST, "[D");
      code.visitVarInsn(ASTORE, scratchSlot);
    }
    columnSlots.forEach((column, slot) -> {
      marks.at(l -> l.column(column));
      code.visitVarInsn(ALOAD, batchSlot);
      writer.pushInt(column);
      code.visitMethodInsn(INVOKEVIRTUAL, BytecodeEmitter.BATCH, "column", "(I)[D", false);
      code.visitVarInsn(ASTORE, slot);
    });
    emitAll(writer, kernel.prologue(), KernelLines::prologue);
    zeroSums(writer, scratchSlot, sumLocals);
    if (shortOnly) {
      writeShortLoop(writer, rowsSlot, rowSlot);
    } else if (vectorised) {
      new VectorLoopWriter(code, kernel, writer, columnSlots, sumLocals)
          .write(fromSlot, rowsSlot, rowSlot);
    } else {
      if (kernel.isBlocked()) {
        writeBlockLoop(writer, fromSlot, rowsSlot, blockSlot, blockEndSlot);
      } else if (kernel.unrollsLanes()) {
        new LaneLoopWriter(code, kernel, writer, marks).write(sumLocals, fromSlot, rowsSlot,
            rowSlot);
      } else if (kind != Kernel.Kind.FINISH) {
        writeRowLoop(writer, fromSlot, rowsSlot, rowSlot);
      }
    }
    emitAll(writer, kernel.epilogue(), KernelLines::epilogue);
    if (!kind.returnsLoss()) {
      code.visitInsn(RETURN);
    }
    code.visitMaxs(0, 0);
    code.visitEnd();
  }

  // Kernels.checkParams(params, 2); Kernels.checkOut(out, rows, 1); … before any work. A
  // method that passes long passes on to the deferred class checks before it does, and the
  // deferred one again: two compares a call, where a row costs more.
  private void writeChecks(InstructionWriter writer, Layout layout, int rowsSlot) {
    List<LengthCheck> checks = kernel.checks();
    for (int i = 0; i < checks.size(); i++) {
      LengthCheck check = checks.get(i);
      marks.at(i, KernelLines::checks);
      if (check.rule().range()) { // Kernels.checkRows(from, to, batch);
        code.visitVarInsn(ILOAD, layout.from().slot());
        code.visitVarInsn(ILOAD, rowsSlot);
        code.visitVarInsn(ALOAD, layout.argument(check.argument()).slot());
        code.visitMethodInsn(INVOKESTATIC, BytecodeEmitter.KERNELS, check.rule().method(),
            "(IIL" + BytecodeEmitter.BATCH + ";)V", false);
        continue;
      }
      code.visitVarInsn(ALOAD, layout.argument(check.argument()).slot());
      if (check.rule().perRow()) {
        code.visitVarInsn(ILOAD, rowsSlot);
      }
      writer.pushInt(check.count());
      code.visitMethodInsn(INVOKESTATIC, BytecodeEmitter.KERNELS, check.rule().method(),
          check.rule().perRow() ? "([DII)V" : "([DI)V", false);
    }
  }

  // double sN = 0.0 for each sum; sums in scratch: Arrays.fill(scratch, 0, 8 * sums, 0.0).
  private void zeroSums(InstructionWriter writer, int scratchSlot,
      Map<Accumulator, Integer> sumLocals) {
    if (sumsInScratch) {
      if (!kernel.sums().isEmpty()) {
        marks.at(l -> l.sums().get(0));
        code.visitVarInsn(ALOAD, scratchSlot);
        code.visitInsn(ICONST_0);
        writer.pushInt(Kernel.LANES * kernel.sums().size());
        code.visitInsn(DCONST_0);
        code.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DIID)V", false);
      }
      return;
    }
    for (int i = 0; i < kernel.sums().size(); i++) {
      int index = i;
      marks.at(l -> l.sums().get(index));
      code.visitInsn(DCONST_0);
      code.visitVarInsn(DSTORE, sumLocals.get(kernel.sums().get(i)));
    }
  }

  // for (row = 0; row < rows; row++), into lane 0, each sum's local, as the whole kernel adds a
  // short pass; its lines are that loop's.
  private void writeShortLoop(InstructionWriter writer, int rowsSlot, int rowSlot) {
    int loopLine = LaneLoopWriter.rowsAfterGroupsLine(kernel);
    int bodyLine = LaneLoopWriter.rowsAfterGroupsBodyLine(kernel);
    ForLoop.write(code, () -> marks.at(loopLine, KernelLines::lanes), rowSlot,
        () -> code.visitInsn(ICONST_0), () -> code.visitVarInsn(ILOAD, rowsSlot), 1, () -> {
          writer.inRowLoop(true);
          emitAll(writer, kernel.body(), bodyLine, KernelLines::body);
          writer.inRowLoop(false);
        });
  }

  // for (row = 0, or from; row < rows, or to; row++)
  private void writeRowLoop(InstructionWriter writer, int fromSlot, int rowsSlot, int rowSlot) {
    // The for statement's initialisation, test and increment all belong to its line.
    ForLoop.write(code, () -> marks.at(KernelLines::loop), rowSlot,
        () -> RowRange.pushFrom(code, fromSlot), () -> code.visitVarInsn(ILOAD, rowsSlot), 1,
        () -> {
          if (kernel.picksLanes()) {
            marks.at(l -> l.lanes().get(0));
            writer.setLane();
          }
          writer.inRowLoop(true);
          emitAll(writer, kernel.body(), KernelLines::body);
          writer.inRowLoop(false);
        });
  }

  // for (block = 0, or from; block < rows, or to; block += blockRows) {
  //   blockEnd = Math.min(block + blockRows, rows); body }
  private void writeBlockLoop(InstructionWriter writer, int fromSlot, int rowsSlot,
      int blockSlot, int blockEndSlot) {
    ForLoop.write(code, () -> marks.at(KernelLines::loop), blockSlot,
        () -> RowRange.pushFrom(code, fromSlot), () -> code.visitVarInsn(ILOAD, rowsSlot),
        kernel.blockRows(), () -> {
          code.visitVarInsn(ILOAD, blockSlot);
          writer.pushInt(kernel.blockRows());
          code.visitInsn(IADD);
          code.visitVarInsn(ILOAD, rowsSlot);
          code.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(II)I", false);
          code.visitVarInsn(ISTORE, blockEndSlot);
          writer.inRowLoop(true);
          emitAll(writer, kernel.body(), KernelLines::body);
          writer.inRowLoop(false);
        });
  }

  // private static void partN(double[] params, Batch batch, [double[] array,] int rows,
  //     int row, int lane, double[] scratch)
  private void writeHelper(Kernel.Helper helper) {
    int access = ACC_PRIVATE | ACC_STATIC;
    String descriptor = HelperCalls.helperDescriptor(kernel);
    code = FrameWriter.method(classWriter, owner, access, kernel.helperName(helper.index()),
        descriptor);
    marks = new LineMarks(code, lines);
    code.visitCode();
    InstructionWriter writer = new InstructionWriter(code, owner, kernel, kernel.helperLayout(),
        sumSlots);
    writer.inRowLoop(true);
    emitAll(writer, helper.code(), l -> l.helpers().get(helper.index()));
    code.visitInsn(RETURN);
    code.visitMaxs(0, 0);
    code.visitEnd();
  }

  /**
   * The method's descriptor, from the signature the IR gives: {@code
   * ([DLorg/symgrad/runtime/Batch;)D}.
   */
  static String descriptor(Kernel.Kind kind) {
    return DESCRIPTORS.get(kind);
  }

  // Made once: ASM hashes each string it is given, which a new string makes it compute again.
  private static final Map<Kernel.Kind, String> DESCRIPTORS = new EnumMap<>(Kernel.Kind.class);

  static {
    for (Kernel.Kind kind : Kernel.Kind.values()) {
      StringBuilder descriptor = new StringBuilder("(");
      kind.arguments().forEach(a -> descriptor.append(a.type().descriptor()));
      DESCRIPTORS.put(kind, descriptor.append(kind.returnsLoss() ? ")D" : ")V").toString());
    }
  }

  private void emitAll(InstructionWriter writer, List<Instr> instrs,
      Function<KernelLines, List<Integer>> sectionLines) {
    emitAll(writer, instrs, 0, sectionLines);
  }

  // The instructions, their lines from the one at 'first' in the section on.
  private void emitAll(InstructionWriter writer, List<Instr> instrs, int first,
      Function<KernelLines, List<Integer>> sectionLines) {
    for (int i = 0; i < instrs.size(); i++) {
      marks.at(first + i, sectionLines);
      writer.emit(instrs.get(i));
    }
  }
}
