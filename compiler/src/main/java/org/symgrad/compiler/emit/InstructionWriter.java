package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.I2D;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.InstrVisitor;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Layout;
import org.symgrad.compiler.lower.Operation;
import org.symgrad.compiler.lower.Value;

/**
 * Writes IR instructions into one method, each as the JVM operations javac gives the same
 * Java statement, so the bytecode and the generated source compute the same bits. It knows
 * where the method keeps things from the kernel's {@link Layout}: its argument and local slots,
 * column arrays and sums held in locals (an unsplit kernel) or the scratch array (a split one);
 * it gives each temporary a slot of its own when it is first defined.
 */
final class InstructionWriter implements InstrVisitor {
  private final MethodVisitor code;
  private final String owner;
  private final Kernel kernel;
  private final Layout frame;
  private final Map<Accumulator, Integer> sumSlots;
  private int rowOffset;
  private Map<Accumulator, Integer> laneSums; // null: each sum's own local
  private final Map<Integer, Integer> tempSlots = new HashMap<>();
  private int nextSlot;
  private boolean inRowLoop;
  private int loopIndex = -1; // the slot of the innermost Loop's j


  /**
   * @param sumSlots for a split kernel, where each sum lives in the scratch array
   */
  InstructionWriter(MethodVisitor code, String owner, Kernel kernel, Layout frame,
      Map<Accumulator, Integer> sumSlots) {
    this.code = code;
    this.owner = owner;
    this.kernel = kernel;
    this.frame = frame;
    this.sumSlots = sumSlots;
    this.nextSlot = frame.firstTemp();
  }

  /** Whether {@code row} holds a row: in the main method's loop, and in every helper. */
  void inRowLoop(boolean inside) {
    inRowLoop = inside;
  }

  /**
   * Writes the body for one lane of a {@linkplain Kernel#unrollsLanes() lane loop}: columns read
   * at {@code row + offset}, each sum added to its local in {@code sums}; {@code (0, null)}
   * for the plain body.
   */
  void lane(int offset, Map<Accumulator, Integer> sums) {
    rowOffset = offset;
    laneSums = sums;
  }

  void emit(Instr instr) {
    instr.accept(this);
  }

  @Override
  public void visit(Instr.LoadParam load) {
    code.visitVarInsn(ALOAD, frame.params().slot());
    pushInt(load.index());
    code.visitInsn(DALOAD);
    store(load.to());
  }

  @Override
  public void visit(Instr.LoadColumn load) {
    Integer column = frame.columns().get(load.column());
    if (column != null) {
      code.visitVarInsn(ALOAD, column);
    } else { // batch.column(c)[row], in a helper
      code.visitVarInsn(ALOAD, frame.batch().slot());
      pushInt(load.column());
      code.visitMethodInsn(INVOKEVIRTUAL, BytecodeEmitter.BATCH, "column", "(I)[D", false);
    }
    pushRow();
    code.visitInsn(DALOAD);
    store(load.to());
  }

  @Override
  public void visit(Instr.LoadRowCount load) {
    code.visitVarInsn(ILOAD, frame.rows().slot());
    code.visitInsn(I2D);
    store(load.to());
  }

  @Override
  public void visit(Instr.LoadSum load) {
    Integer local = frame.sums().get(load.sum());
    if (kernel.kind() == Kernel.Kind.FINISH) { // sums[i], the argument in the batch slot
      code.visitVarInsn(ALOAD, frame.batch().slot());
      pushInt(load.sum().index());
      code.visitInsn(DALOAD);
    } else if (local != null) {
      code.visitVarInsn(DLOAD, local);
    } else { // SumLanes.total(scratch, 8 * i)
      code.visitVarInsn(ALOAD, frame.scratch().slot());
      pushInt(sumSlot(load.sum()));
      HelperCalls.totalOfLanes(code);
    }
    store(load.to());
  }

  @Override
  public void visit(Instr.Compute compute) {
    emitCompute(compute.operation(), compute.args());
    store(compute.to());
  }

  @Override
  public void visit(Instr.Accumulate accumulate) {
    Integer local = (laneSums != null ? laneSums : frame.sums()).get(accumulate.sum());
    if (local != null) { // sum = sum + v
      code.visitVarInsn(DLOAD, local);
      push(accumulate.value());
      code.visitInsn(DADD);
      code.visitVarInsn(DSTORE, local);
    } else { // scratch[8 * i + lane] += v, as javac writes it
      code.visitVarInsn(ALOAD, frame.scratch().slot());
      int slot = sumSlot(accumulate.sum());
      if (slot == 0) { // scratch[lane], as the source writes it
        code.visitVarInsn(ILOAD, frame.lane().slot());
      } else {
        pushInt(slot);
        HelperCalls.addLane(code, frame);
      }
      code.visitInsn(DUP2);
      code.visitInsn(DALOAD);
      push(accumulate.value());
      code.visitInsn(DADD);
      code.visitInsn(DASTORE);
    }
  }

  @Override
  public void visit(Instr.StoreGradient store) {
    storeInArray(store.index(), store.value());
  }

  @Override
  public void visit(Instr.StoreSum store) {
    storeInArray(store.index(), store.value());
  }

  @Override
  public void visit(Instr.StoreOutput store) {
    code.visitVarInsn(ALOAD, frame.array().slot());
    code.visitVarInsn(ILOAD, frame.row().slot());
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
  }

  @Override
  public void visit(Instr.Spill spill) {
    code.visitVarInsn(ALOAD, frame.scratch().slot());
    pushInt(spill.slot());
    push(spill.value());
    code.visitInsn(DASTORE);
  }

  @Override
  public void visit(Instr.Reload reload) {
    loadScratch(reload.slot());
    store(reload.to());
  }

  @Override
  public void visit(Instr.Call call) {
    HelperCalls.call(code, owner, kernel, frame, inRowLoop, call.helper());
  }

  @Override
  public void visit(Instr.Return ret) {
    push(ret.value());
    code.visitInsn(DRETURN);
  }

  @Override
  public void visit(Instr.Loop loop) {
    emitLoop(loop);
  }

  @Override
  public void visit(Instr.RowLoop loop) {
    emitRowLoop(loop);
  }

  @Override
  public void visit(Instr.LoadRowSlot load) {
    // scratch[row - block + slot]
    pushRowSlot(load.slot());
    code.visitInsn(DALOAD);
    store(load.to());
  }

  @Override
  public void visit(Instr.StoreRowSlot store) {
    pushRowSlot(store.slot());
    push(store.value());
    code.visitInsn(DASTORE);
  }

  @Override
  public void visit(Instr.AccumulateRowSlot accumulate) {
    // as javac writes +=
    pushRowSlot(accumulate.slot());
    code.visitInsn(DUP2);
    code.visitInsn(DALOAD);
    push(accumulate.value());
    code.visitInsn(DADD);
    code.visitInsn(DASTORE);
  }

  @Override
  public void visit(Instr.LoadParamAt load) {
    code.visitVarInsn(ALOAD, frame.params().slot());
    pushIndex(load.index());
    code.visitInsn(DALOAD);
    store(load.to());
  }

  @Override
  public void visit(Instr.LoadColumnAt load) {
    // batch.column(c)[row]
    code.visitVarInsn(ALOAD, frame.batch().slot());
    pushIndex(load.column());
    code.visitMethodInsn(INVOKEVIRTUAL, BytecodeEmitter.BATCH, "column", "(I)[D", false);
    pushRow();
    code.visitInsn(DALOAD);
    store(load.to());
  }

  @Override
  public void visit(Instr.LoadSumAt load) {
    if (kernel.kind() == Kernel.Kind.FINISH) { // sums[i], the argument in the batch slot
      code.visitVarInsn(ALOAD, frame.batch().slot());
      pushIndex(new Instr.Index(load.first().index(), load.stride()));
      code.visitInsn(DALOAD);
    } else { // SumLanes.total(scratch, 8 * i)
      code.visitVarInsn(ALOAD, frame.scratch().slot());
      pushIndex(new Instr.Index(sumSlot(load.first()), Kernel.LANES * load.stride()));
      HelperCalls.totalOfLanes(code);
    }
    store(load.to());
  }

  @Override
  public void visit(Instr.AccumulateAt accumulate) {
    // scratch[8 * i + lane] += v
    code.visitVarInsn(ALOAD, frame.scratch().slot());
    pushIndex(new Instr.Index(sumSlot(accumulate.first()),
        Kernel.LANES * accumulate.stride()));
    HelperCalls.addLane(code, frame);
    code.visitInsn(DUP2);
    code.visitInsn(DALOAD);
    push(accumulate.value());
    code.visitInsn(DADD);
    code.visitInsn(DASTORE);
  }

  @Override
  public void visit(Instr.SetSumAt set) {
    // scratch[8 * i + lane] = v
    code.visitVarInsn(ALOAD, frame.scratch().slot());
    pushIndex(new Instr.Index(sumSlot(set.first()), Kernel.LANES * set.stride()));
    HelperCalls.addLane(code, frame);
    push(set.value());
    code.visitInsn(DASTORE);
  }

  @Override
  public void visit(Instr.StoreGradientAt store) {
    storeInArrayAt(store.index(), store.value());
  }

  @Override
  public void visit(Instr.StoreSumAt store) {
    storeInArrayAt(store.index(), store.value());
  }

  // [t = -0.0;] for (int j = 0; j < count; j++) { body [t += added;] }, as javac writes it.
  private void emitLoop(Instr.Loop loop) {
    if (loop.to() != null) {
      pushDouble(-0.0);
      store(loop.to());
    }
    int outer = loopIndex;
    loopIndex = nextSlot++;
    Label test = new Label();
    Label done = new Label();
    code.visitInsn(ICONST_0);
    code.visitVarInsn(ISTORE, loopIndex);
    code.visitLabel(test);
    code.visitVarInsn(ILOAD, loopIndex);
    pushInt(loop.count());
    code.visitJumpInsn(IF_ICMPGE, done);
    loop.body().forEach(this::emit);
    if (loop.to() != null) {
      push(loop.to());
      push(loop.added());
      code.visitInsn(DADD);
      store(loop.to());
    }
    code.visitIincInsn(loopIndex, 1);
    code.visitJumpInsn(GOTO, test);
    code.visitLabel(done);
    loopIndex = outer;
  }

  // for (row = block; row < blockEnd; row++) { body [t += added;] }
  private void emitRowLoop(Instr.RowLoop loop) {
    Label test = new Label();
    Label done = new Label();
    code.visitVarInsn(ILOAD, frame.block().slot());
    code.visitVarInsn(ISTORE, frame.row().slot());
    code.visitLabel(test);
    code.visitVarInsn(ILOAD, frame.row().slot());
    code.visitVarInsn(ILOAD, frame.blockEnd().slot());
    code.visitJumpInsn(IF_ICMPGE, done);
    if (loop.addsToSums()) {
      setLane();
    }
    loop.body().forEach(this::emit);
    if (loop.to() != null) {
      push(loop.to());
      push(loop.added());
      code.visitInsn(DADD);
      store(loop.to());
    }
    code.visitIincInsn(frame.row().slot(), 1);
    code.visitJumpInsn(GOTO, test);
    code.visitLabel(done);
  }

  // scratch, row - block + slot: the array and index of this row's place in a slot.
  private void pushRowSlot(int slot) {
    code.visitVarInsn(ALOAD, frame.scratch().slot());
    code.visitVarInsn(ILOAD, frame.row().slot());
    code.visitVarInsn(ILOAD, frame.block().slot());
    code.visitInsn(ISUB);
    pushInt(slot);
    code.visitInsn(IADD);
  }

  // first + stride * j, written j * stride + first as the source does.
  // array[index] = value, into the kernel's output array (grad or sums)
  private void storeInArray(int index, Value value) {
    code.visitVarInsn(ALOAD, frame.array().slot());
    pushInt(index);
    push(value);
    code.visitInsn(DASTORE);
  }

  // array[first + stride * j] = value, in a loop
  private void storeInArrayAt(Instr.Index index, Value value) {
    code.visitVarInsn(ALOAD, frame.array().slot());
    pushIndex(index);
    push(value);
    code.visitInsn(DASTORE);
  }

  private void pushIndex(Instr.Index index) {
    if (loopIndex < 0) {
      throw new IllegalStateException("an indexed instruction outside a loop");
    }
    code.visitVarInsn(ILOAD, loopIndex);
    if (index.stride() != 1) {
      pushInt(index.stride());
      code.visitInsn(IMUL);
    }
    if (index.first() != 0) {
      pushInt(index.first());
      code.visitInsn(IADD);
    }
  }

  private void loadScratch(int slot) {
    code.visitVarInsn(ALOAD, frame.scratch().slot());
    pushInt(slot);
    code.visitInsn(DALOAD);
  }

  private int sumSlot(Accumulator sum) {
    return sumSlots.get(sum);
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

  void push(Value value) {
    if (value instanceof Value.Temp temp) {
      Integer slot = tempSlots.get(temp.index());
      if (slot == null) {
        throw new IllegalStateException(temp + " is read before it is defined in this method");
      }
      code.visitVarInsn(DLOAD, slot);
    } else {
      pushDouble(((Value.Literal) value).value());
    }
  }

  // row, or row + k in lane k of a lane loop
  private void pushRow() {
    code.visitVarInsn(ILOAD, frame.row().slot());
    if (rowOffset != 0) {
      pushInt(rowOffset);
      code.visitInsn(IADD);
    }
  }

  /** {@code lane = SumLanes.lane(row, from or 0, rows)}, where a row of the loop starts. */
  void setLane() {
    HelperCalls.setLane(code, kernel, frame);
  }

  /** {@code size} fresh local slots, for a local that the caller manages itself. */
  int reserve(int size) {
    int fresh = nextSlot;
    nextSlot += size;
    return fresh;
  }

  // Temporaries take slots in the order they are defined, so a method needs only as many
  // as it defines, however many the whole kernel numbers.
  private void store(Value.Temp temp) {
    int slot = tempSlots.computeIfAbsent(temp.index(), index -> {
      int fresh = nextSlot;
      nextSlot += 2;
      return fresh;
    });
    code.visitVarInsn(DSTORE, slot);
  }

  private void pushDouble(double value) {
    Constants.pushDouble(code, value);
  }

  void pushInt(int value) {
    Constants.pushInt(code, value);
  }

}
