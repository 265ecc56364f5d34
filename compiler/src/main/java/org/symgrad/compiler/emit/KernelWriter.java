package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.I2D;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Operation;
import org.symgrad.compiler.lower.Value;

/**
 * Writes one {@link Kernel} as one method: prologue, the row loop over the body, epilogue,
 * each IR instruction as the JVM operations javac would give the same Java statement, so the
 * bytecode and the generated source compute the same bits.
 *
 * <p>Given the {@link SourceLines.KernelLines} of the generated source, it also marks each
 * instruction with its statement's line, so that debuggers and stack traces of the bytecode
 * model point into that source.
 */
final class KernelWriter {
  // Slots of the method's parameters: this, params, batch, then grad or out.
  private static final int PARAMS = 1;
  private static final int BATCH = 2;
  private static final int ARRAY_OUT = 3;
  private static final int FIRST_LOCAL = 4;

  private final ClassWriter classWriter;
  private final Kernel kernel;
  private final SourceLines.KernelLines lines; // null: no line numbers
  // Loaded in column order, as the generated source lists them.
  private final Map<Integer, Integer> columnSlots = new java.util.TreeMap<>();
  private final Map<Accumulator, Integer> sumSlots = new HashMap<>();
  private final int rowsSlot;
  private final int rowSlot;
  private final int firstTempSlot;
  private MethodVisitor code;

  /** {@code lines} may be null: then the method carries no line numbers. */
  KernelWriter(ClassWriter classWriter, Kernel kernel, SourceLines.KernelLines lines) {
    this.classWriter = classWriter;
    this.kernel = kernel;
    this.lines = lines;
    int next = FIRST_LOCAL;
    rowsSlot = next++;
    rowSlot = next++;
    for (Instr instr : kernel.body()) {
      if (instr instanceof Instr.LoadColumn load && !columnSlots.containsKey(load.column())) {
        columnSlots.put(load.column(), next++);
      }
    }
    for (Accumulator sum : kernel.sums()) {
      sumSlots.put(sum, next);
      next += 2;
    }
    firstTempSlot = next;
  }

  void write() {
    code = classWriter.visitMethod(ACC_PUBLIC, kernel.kind().methodName(), descriptor(), null,
        null);
    code.visitCode();
    line(SourceLines.KernelLines::rows);
    code.visitVarInsn(ALOAD, BATCH);
    code.visitMethodInsn(INVOKEVIRTUAL, BytecodeEmitter.BATCH, "size", "()I", false);
    code.visitVarInsn(ISTORE, rowsSlot);
    columnSlots.forEach((column, slot) -> {
      line(l -> l.column(column));
      code.visitVarInsn(ALOAD, BATCH);
      pushInt(column);
      code.visitMethodInsn(INVOKEVIRTUAL, BytecodeEmitter.BATCH, "column", "(I)[D", false);
      code.visitVarInsn(ASTORE, slot);
    });
    emitAll(kernel.prologue(), SourceLines.KernelLines::prologue);
    for (int i = 0; i < kernel.sums().size(); i++) {
      Accumulator sum = kernel.sums().get(i);
      int index = i;
      line(l -> l.sums().get(index));
      code.visitInsn(DCONST_0);
      code.visitVarInsn(DSTORE, sumSlots.get(sum));
    }
    writeRowLoop();
    emitAll(kernel.epilogue(), SourceLines.KernelLines::epilogue);
    if (kernel.kind() == Kernel.Kind.PREDICT) {
      code.visitInsn(RETURN);
    }
    code.visitMaxs(0, 0);
    code.visitEnd();
  }

  private void writeRowLoop() {
    Label test = new Label();
    Label done = new Label();
    // The for statement's initialisation, test and increment all belong to its line.
    line(SourceLines.KernelLines::loop);
    code.visitInsn(ICONST_0);
    code.visitVarInsn(ISTORE, rowSlot);
    code.visitLabel(test);
    line(SourceLines.KernelLines::loop);
    code.visitVarInsn(ILOAD, rowSlot);
    code.visitVarInsn(ILOAD, rowsSlot);
    code.visitJumpInsn(IF_ICMPGE, done);
    emitAll(kernel.body(), SourceLines.KernelLines::body);
    line(SourceLines.KernelLines::loop);
    code.visitIincInsn(rowSlot, 1);
    code.visitJumpInsn(GOTO, test);
    code.visitLabel(done);
  }

  private String descriptor() {
    String batch = "L" + BytecodeEmitter.BATCH + ";";
    return switch (kernel.kind()) {
      case PREDICT -> "([D" + batch + "[D)V";
      case LOSS -> "([D" + batch + ")D";
      case LOSS_AND_GRADIENT -> "([D" + batch + "[D)D";
    };
  }

  private void emitAll(List<Instr> instrs,
      Function<SourceLines.KernelLines, List<Integer>> sectionLines) {
    for (int i = 0; i < instrs.size(); i++) {
      int index = i;
      line(l -> sectionLines.apply(l).get(index));
      emit(instrs.get(i));
    }
  }

  // Starts the code of the statement at that line of the generated source, if there is one.
  private void line(ToIntFunction<SourceLines.KernelLines> which) {
    if (lines != null) {
      Label here = new Label();
      code.visitLabel(here);
      code.visitLineNumber(which.applyAsInt(lines), here);
    }
  }

  private void emit(Instr instr) {
    if (instr instanceof Instr.LoadParam load) {
      code.visitVarInsn(ALOAD, PARAMS);
      pushInt(load.index());
      code.visitInsn(DALOAD);
      store(load.to());
    } else if (instr instanceof Instr.LoadColumn load) {
      code.visitVarInsn(ALOAD, columnSlots.get(load.column()));
      code.visitVarInsn(ILOAD, rowSlot);
      code.visitInsn(DALOAD);
      store(load.to());
    } else if (instr instanceof Instr.LoadRowCount load) {
      code.visitVarInsn(ILOAD, rowsSlot);
      code.visitInsn(I2D);
      store(load.to());
    } else if (instr instanceof Instr.LoadSum load) {
      code.visitVarInsn(DLOAD, sumSlots.get(load.sum()));
      store(load.to());
    } else if (instr instanceof Instr.Compute compute) {
      emitCompute(compute.operation(), compute.args());
      store(compute.to());
    } else if (instr instanceof Instr.Accumulate accumulate) {
      int slot = sumSlots.get(accumulate.sum());
      code.visitVarInsn(DLOAD, slot);
      push(accumulate.value());
      code.visitInsn(DADD);
      code.visitVarInsn(DSTORE, slot);
    } else if (instr instanceof Instr.StoreGradient store) {
      code.visitVarInsn(ALOAD, ARRAY_OUT);
      pushInt(store.index());
      push(store.value());
      code.visitInsn(DASTORE);
    } else if (instr instanceof Instr.StoreOutput store) {
      code.visitVarInsn(ALOAD, ARRAY_OUT);
      code.visitVarInsn(ILOAD, rowSlot);
      if (store.outputs() != 1) { // row * outputs + output
        pushInt(store.outputs());
        code.visitInsn(IMUL);
        if (store.output() != 0) {
          pushInt(store.output());
          code.visitInsn(IADD);
        }
      }
      push(store.value());
      code.visitInsn(DASTORE);
    } else if (instr instanceof Instr.Return ret) {
      push(ret.value());
      code.visitInsn(DRETURN);
    } else {
      throw new IllegalStateException("no bytecode for " + instr);
    }
  }

  private void emitCompute(Operation operation, List<Value> args) {
    args.forEach(this::push);
    switch (operation) {
      case ADD -> code.visitInsn(DADD);
      case SUB -> code.visitInsn(DSUB);
      case MUL -> code.visitInsn(DMUL);
      case DIV -> code.visitInsn(DDIV);
      case NEG -> code.visitInsn(DNEG);
      default -> code.visitMethodInsn(INVOKESTATIC, operation.ownerInternalName(),
          operation.method(), operation.descriptor(), false);
    }
  }

  private void push(Value value) {
    if (value instanceof Value.Temp temp) {
      code.visitVarInsn(DLOAD, slotOf(temp));
    } else {
      pushDouble(((Value.Literal) value).value());
    }
  }

  private void store(Value.Temp temp) {
    code.visitVarInsn(DSTORE, slotOf(temp));
  }

  private int slotOf(Value.Temp temp) {
    return firstTempSlot + 2 * temp.index();
  }

  private void pushDouble(double value) {
    if (Double.doubleToRawLongBits(value) == 0L) {
      code.visitInsn(DCONST_0);
    } else if (value == 1.0) {
      code.visitInsn(DCONST_1);
    } else {
      code.visitLdcInsn(value);
    }
  }

  private void pushInt(int value) {
    if (value >= -1 && value <= 5) {
      code.visitInsn(ICONST_0 + value);
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      code.visitIntInsn(BIPUSH, value);
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      code.visitIntInsn(SIPUSH, value);
    } else {
      code.visitLdcInsn(value);
    }
  }
}
