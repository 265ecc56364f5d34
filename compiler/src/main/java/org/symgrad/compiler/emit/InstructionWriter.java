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
import org.jspecify.annotations.Nullable;
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
    load(frame.params().slot(), () -> pushInt(load.index()), load.to());
  }

  @Override
  public void visit(Instr.LoadColumn load) {
    Integer column = frame.columns().get(load.column());
    if (column != null) {
      code.visitVarInsn(ALOAD, column);
      pushRow();
      code.visitInsn(DALOAD);
      store(load.to());
    } else { // batch.column(c)[row], in a helper
      loadFromColumn(() -> pushInt(load.column()), load.to());
    }
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
    if (local != null && kernel.kind() != Kernel.Kind.FINISH) {
      code.visitVarInsn(DLOAD, local);
      store(load.to());
    } else {
      loadSum(() -> pushInt(load.sum().index()), () -> pushInt(sumSlot(load.sum())), load.to());
    }
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
    } else { // scratch[8 * i + lane] += v
      int slot = sumSlot(accumulate.sum());
      addTo(frame.scratch().slot(), () -> {
        if (slot == 0) { // scratch[lane], as the source writes it
          code.visitVarInsn(ILOAD, frame.lane().slot());
        } else {
          pushInt(slot);
          HelperCalls.addLane(code, frame);
        }
      }, accumulate.value());
    }
  }

  @Override
  public void visit(Instr.StoreGradient store) {
    storeTo(frame.array().slot(), () -> pushInt(store.index()), store.value());
  }

  @Override
  public void visit(Instr.StoreSum store) {
    storeTo(frame.array().slot(), () -> pushInt(store.index()), store.value());
  }

  @Override
  public void visit(Instr.StoreOutput store) {
    storeTo(frame.array().slot(), () -> {
      code.visitVarInsn(ILOAD, frame.row().slot());
      if (store.outputs() != 1) { // row * outputs + output
        pushInt(store.outputs());
        code.visitInsn(IMUL);
        if (store.output() != 0) {
          pushInt(store.output());
          code.visitInsn(IADD);
        }
      }
    }, store.value());
  }

  @Override
  public void visit(Instr.Spill spill) {
    storeTo(frame.scratch().slot(), () -> pushInt(spill.slot()), spill.value());
  }

  @Override
  public void visit(Instr.Reload reload) {
    load(frame.scratch().slot(), () -> pushInt(reload.slot()), reload.to());
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
    load(frame.scratch().slot(), () -> pushRowSlot(load.slot()), load.to());
  }

  @Override
  public void visit(Instr.StoreRowSlot store) {
    storeTo(frame.scratch().slot(), () -> pushRowSlot(store.slot()), store.value());
  }

  @Override
  public void visit(Instr.AccumulateRowSlot accumulate) {
    addTo(frame.scratch().slot(), () -> pushRowSlot(accumulate.slot()), accumulate.value());
  }

  @Override
  public void visit(Instr.LoadParamAt load) {
    load(frame.params().slot(), () -> pushIndex(load.index()), load.to());
  }

  @Override
  public void visit(Instr.LoadColumnAt load) {
    loadFromColumn(() -> pushIndex(load.column()), load.to());
  }

  @Override
  public void visit(Instr.LoadSumAt load) {
    loadSum(() -> pushIndex(new Instr.Index(load.first().index(), load.stride())),
        () -> pushIndex(new Instr.Index(sumSlot(load.first()), Kernel.LANES * load.stride())),
        load.to());
  }

  @Override
  public void visit(Instr.AccumulateAt accumulate) {
    addTo(frame.scratch().slot(), () -> pushSumLane(accumulate.first(), accumulate.stride()),
        accumulate.value());
  }

  @Override
  public void visit(Instr.SetSumAt set) {
    storeTo(frame.scratch().slot(), () -> pushSumLane(set.first(), set.stride()), set.value());
  }

  @Override
  public void visit(Instr.StoreGradientAt store) {
    storeTo(frame.array().slot(), () -> pushIndex(store.index()), store.value());
  }

  @Override
  public void visit(Instr.StoreSumAt store) {
    storeTo(frame.array().slot(), () -> pushIndex(store.index()), store.value());
  }

  // The statements are array elements read, written or added to; 'index' pushes the index,
  // so that an instruction and its indexed (…At) form differ only in that.

  // to = array[index]
  private void load(int array, Runnable index, Value.Temp to) {
    code.visitVarInsn(ALOAD, array);
    index.run();
    code.visitInsn(DALOAD);
    store(to);
  }

  // array[index] = value
  private void storeTo(int array, Runnable index, Value value) {
    code.visitVarInsn(ALOAD, array);
    index.run();
    push(value);
    code.visitInsn(DASTORE);
  }

  // array[index] += value, as javac writes it
  private void addTo(int array, Runnable index, Value value) {
    code.visitVarInsn(ALOAD, array);
    index.run();
    code.visitInsn(DUP2);
    code.visitInsn(DALOAD);
    push(value);
    code.visitInsn(DADD);
    code.visitInsn(DASTORE);
  }

  // to = batch.column(c)[row]
  private void loadFromColumn(Runnable column, Value.Temp to) {
    code.visitVarInsn(ALOAD, frame.batch().slot());
    column.run();
    code.visitMethodInsn(INVOKEVIRTUAL, BytecodeEmitter.BATCH, "column", "(I)[D", false);
    pushRow();
    code.visitInsn(DALOAD);
    store(to);
  }

  // to = sums[i] in finish, whose sums argument is in the batch slot; else the total of the
  // sum's lanes in scratch, SumLanes.total(scratch, 8 * i)
  private void loadSum(Runnable index, Runnable lanesAt, Value.Temp to) {
    if (kernel.kind() == Kernel.Kind.FINISH) {
      load(frame.batch().slot(), index, to);
    } else {
      code.visitVarInsn(ALOAD, frame.scratch().slot());
      lanesAt.run();
      HelperCalls.totalOfLanes(code);
      store(to);
    }
  }

  // 8 * i + lane for the sums from 'first' on, one per 'stride' of the loop's j
  private void pushSumLane(Accumulator first, int stride) {
    pushIndex(new Instr.Index(sumSlot(first), Kernel.LANES * stride));
    HelperCalls.addLane(code, frame);
  }

  // [t = -0.0;] for (int j = 0; j < count; j++) { body [t += added;] }, as javac writes it.
  private void emitLoop(Instr.Loop loop) {
    if (loop.to() != null) {
      pushDouble(-0.0);
      store(loop.to());
    }
    int outer = loopIndex;
    loopIndex = nextSlot++;
    ForLoop.write(code, () -> {}, loopIndex, () -> code.visitInsn(ICONST_0),
        () -> pushInt(loop.count()), 1, () -> {
          loop.body().forEach(this::emit);
          addTerm(loop.to(), loop.added());
        });
    loopIndex = outer;
  }

  // for (row = block; row < blockEnd; row++) { body [t += added;] }
  private void emitRowLoop(Instr.RowLoop loop) {
    ForLoop.write(code, () -> {}, frame.row().slot(),
        () -> code.visitVarInsn(ILOAD, frame.block().slot()),
        () -> code.visitVarInsn(ILOAD, frame.blockEnd().slot()), 1, () -> {
          if (loop.addsToSums()) {
            setLane();
          }
          loop.body().forEach(this::emit);
          addTerm(loop.to(), loop.added());
        });
  }

  // [to = to + added]: a summing loop's term, after its body
  private void addTerm(Value.@Nullable Temp to, @Nullable Value added) {
    if (to != null) {
      push(to);
      push(added);
      code.visitInsn(DADD);
      store(to);
    }
  }

  // row - block + slot: the index of this row's place in a slot of scratch.
  private void pushRowSlot(int slot) {
    code.visitVarInsn(ILOAD, frame.row().slot());
    code.visitVarInsn(ILOAD, frame.block().slot());
    code.visitInsn(ISUB);
    pushInt(slot);
    code.visitInsn(IADD);
  }

  // first + stride * j, written j * stride + first as the source does.
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
