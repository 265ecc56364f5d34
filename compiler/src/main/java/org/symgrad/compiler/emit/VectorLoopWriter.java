package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Value;
import org.symgrad.compiler.lower.Vectorisable;

/**
 * Writes the row loop of a {@linkplain Vectorisable vectorisable} kernel with the Vector API,
 * as {@link VectorLoopSource} writes it in Java. A short pass ({@link Kernel#SHORT}) runs the
 * scalar body row by row into the sums. A longer one takes rows 8 at a time as two {@code DoubleVector}s
 * of {@code SPECIES_256} (4 lanes each whatever the machine), each sum kept in two vectors;
 * then the last rows, fewer than 8, by the scalar body into lane 0; then each sum's 8 lanes
 * added in the fixed tree of {@link Kernel}'s order of a row sum, which the scalar kernel
 * follows too, so that both give the same bits. Every value the rows read from outside the loop (a parameter, a
 * literal) is broadcast once before it.
 *
 * <p>The lanes are added where the loop ends rather than in a helper method: a vector passed
 * to a call the JIT has not inlined must be boxed, and C2 then boxes the sums at every step of
 * the loop (a million rows ran 3 times slower than the scalar loop that way).
 *
 * <p>Each lane computes the scalar body's operations in its order, so a row's terms are the
 * scalar kernel's bits; the sums differ from it by rounding only, and are the same on every
 * machine, because the lanes, the vectors per step and the order of the final additions are
 * fixed (never {@code reduceLanes}, whose order is unspecified).
 */
final class VectorLoopWriter implements Vectorisable.LanePrinter {
  /** Doubles in a {@code SPECIES_256} vector. */
  static final int LANES = 4;
  /** Rows a step of the vector loop takes: two vectors, so two additions per sum overlap. */
  static final int STEP = 2 * LANES;
  static final String VECTOR = "jdk/incubator/vector/DoubleVector";
  private static final String VECTOR_TYPE = "L" + VECTOR + ";";
  private static final String SPECIES_TYPE = "Ljdk/incubator/vector/VectorSpecies;";
  private static final String BINARY = "(Ljdk/incubator/vector/Vector;)" + VECTOR_TYPE;
  private static final String UNARY = "()" + VECTOR_TYPE;

  private final MethodVisitor code;
  private final Kernel kernel;
  private final InstructionWriter scalar;
  private final Map<Integer, Integer> columnSlots;
  private final Map<Accumulator, Integer> sumLocals;
  private int rowSlot;
  private final Set<Integer> bodyTemps = new HashSet<>();
  // Slots of the vectors: what is broadcast, and per half of a step each body temporary and
  // each sum's partial vector.
  private final Map<Value, Integer> broadcasts = new LinkedHashMap<>();
  private final List<Map<Integer, Integer>> temps = List.of(new HashMap<>(), new HashMap<>());
  private final List<Map<Accumulator, Integer>> partials =
      List.of(new HashMap<>(), new HashMap<>());

  /**
   * @param scalar the writer of the method's scalar statements, whose slots are shared
   * @param columnSlots the local of each column array
   * @param sumLocals the local of each scalar sum, which the vectors' totals start
   */
  VectorLoopWriter(MethodVisitor code, Kernel kernel, InstructionWriter scalar,
      Map<Integer, Integer> columnSlots, Map<Accumulator, Integer> sumLocals) {
    this.code = code;
    this.kernel = kernel;
    this.scalar = scalar;
    this.columnSlots = columnSlots;
    this.sumLocals = sumLocals;
    Vectorisable.bodyTemps(kernel).forEach(temp -> bodyTemps.add(temp.index()));
  }

  /**
   * The broadcasts, the zeroed partial sums, the vector loop, the totals and the scalar loop
   * over the last rows, from row {@code from} (or 0 when {@code fromSlot} is -1) to {@code
   * rows}. The prologue has run; the epilogue follows.
   */
  void write(int fromSlot, int rowsSlot, int rowSlot) {
    this.rowSlot = rowSlot;
    // if (rows - from < SHORT) for (row = from; row < rows; row++) the scalar body; else …
    Label vectors = new Label();
    Label end = new Label();
    RowRange.jumpUnlessShort(code, rowsSlot, fromSlot, vectors);
    RowRange.pushFrom(code, fromSlot);
    code.visitVarInsn(ISTORE, rowSlot);
    Label shortTest = FrameWriter.loopHead();
    code.visitLabel(shortTest);
    code.visitVarInsn(ILOAD, rowSlot);
    code.visitVarInsn(ILOAD, rowsSlot);
    code.visitJumpInsn(IF_ICMPGE, end);
    scalarBody();
    code.visitIincInsn(rowSlot, 1);
    code.visitJumpInsn(GOTO, shortTest);
    code.visitLabel(vectors);
    for (Instr instr : kernel.body()) {
      for (Value operand : Instr.operands(instr)) {
        if (!(operand instanceof Value.Temp temp && isBodyTemp(temp))
            && !broadcasts.containsKey(operand)) {
          getSpecies();
          scalar.push(operand);
          code.visitMethodInsn(INVOKESTATIC, VECTOR, "broadcast", "(" + SPECIES_TYPE + "D)"
              + VECTOR_TYPE, false);
          broadcasts.put(operand, storeVector());
        }
      }
    }
    for (Accumulator sum : kernel.sums()) {
      for (Map<Accumulator, Integer> half : partials) {
        getSpecies();
        code.visitMethodInsn(INVOKESTATIC, VECTOR, "zero", "(" + SPECIES_TYPE + ")"
            + VECTOR_TYPE, false);
        half.put(sum, storeVector());
      }
    }
    // for (row = from; row <= rows - STEP; row += STEP)
    int last = scalar.reserve(1);
    RowRange.pushFrom(code, fromSlot);
    code.visitVarInsn(ISTORE, rowSlot);
    code.visitVarInsn(ILOAD, rowsSlot);
    code.visitIntInsn(BIPUSH, STEP);
    code.visitInsn(ISUB);
    code.visitVarInsn(ISTORE, last);
    Label test = FrameWriter.loopHead();
    Label done = new Label();
    code.visitLabel(test);
    code.visitVarInsn(ILOAD, rowSlot);
    code.visitVarInsn(ILOAD, last);
    code.visitJumpInsn(IF_ICMPGT, done);
    for (int half = 0; half < 2; half++) {
      for (Instr instr : kernel.body()) {
        Vectorisable.print(instr, half, this);
      }
    }
    code.visitIincInsn(rowSlot, STEP);
    code.visitJumpInsn(GOTO, test);
    code.visitLabel(done);
    for (Accumulator sum : kernel.sums()) { // sN = sNLo.lane(0): the last rows go to lane 0
      pushLane(sum, 0, 0);
      code.visitVarInsn(DSTORE, sumLocals.get(sum));
    }
    // for (; row < rows; row++): the scalar body
    ForLoop.write(code, () -> {}, rowSlot, null, () -> code.visitVarInsn(ILOAD, rowsSlot), 1,
        this::scalarBody);
    // sN = ((sN + hi0) + (lo1 + hi1)) + ((lo2 + hi2) + (lo3 + hi3)): Kernel's tree
    for (Accumulator sum : kernel.sums()) { // lanes 0-3 the low vector's, 4-7 the high's
      RowRange.addLanes(code, lane -> {
        if (lane == 0) {
          code.visitVarInsn(DLOAD, sumLocals.get(sum));
        } else {
          pushLane(sum, lane / LANES, lane % LANES);
        }
      });
      code.visitVarInsn(DSTORE, sumLocals.get(sum));
    }
    code.visitLabel(end);
  }

  // The body, one row at a time.
  private void scalarBody() {
    scalar.inRowLoop(true);
    kernel.body().forEach(scalar::emit);
    scalar.inRowLoop(false);
  }

  // sumHalf.lane(lane)
  private void pushLane(Accumulator sum, int half, int lane) {
    code.visitVarInsn(ALOAD, partials.get(half).get(sum));
    code.visitInsn(ICONST_0 + lane);
    code.visitMethodInsn(INVOKEVIRTUAL, VECTOR, "lane", "(I)D", false);
  }

  // One body instruction over 4 rows: row + 4 * half to row + 4 * half + 3.
  // fromArray(SPECIES_256, column, row [+ 4])
  @Override
  public void loadColumn(Instr.LoadColumn load, int half) {
    getSpecies();
    code.visitVarInsn(ALOAD, columnSlots.get(load.column()));
    code.visitVarInsn(ILOAD, rowSlot);
    if (half == 1) {
      code.visitInsn(ICONST_0 + LANES);
      code.visitInsn(IADD);
    }
    code.visitMethodInsn(INVOKESTATIC, VECTOR, "fromArray",
        "(" + SPECIES_TYPE + "[DI)" + VECTOR_TYPE, false);
    define(load.to(), half);
  }

  @Override
  public void compute(Instr.Compute compute, int half) {
    compute.args().forEach(arg -> loadVector(arg, half));
    String method = VectorLoopSource.method(compute.operation());
    code.visitMethodInsn(INVOKEVIRTUAL, VECTOR, method,
        compute.args().size() == 1 ? UNARY : BINARY, false);
    define(compute.to(), half);
  }

  // sLo = sLo.add(v)
  @Override
  public void accumulate(Instr.Accumulate accumulate, int half) {
    int partial = partials.get(half).get(accumulate.sum());
    code.visitVarInsn(ALOAD, partial);
    loadVector(accumulate.value(), half);
    code.visitMethodInsn(INVOKEVIRTUAL, VECTOR, "add", BINARY, false);
    code.visitVarInsn(ASTORE, partial);
  }

  private void loadVector(Value value, int half) {
    Integer slot = value instanceof Value.Temp temp && isBodyTemp(temp)
        ? temps.get(half).get(temp.index()) : broadcasts.get(value);
    code.visitVarInsn(ALOAD, slot);
  }

  private void define(Value.Temp temp, int half) {
    code.visitVarInsn(ASTORE,
        temps.get(half).computeIfAbsent(temp.index(), index -> scalar.reserve(1)));
  }

  private int storeVector() {
    int slot = scalar.reserve(1);
    code.visitVarInsn(ASTORE, slot);
    return slot;
  }

  private void getSpecies() {
    code.visitFieldInsn(GETSTATIC, VECTOR, "SPECIES_256", SPECIES_TYPE);
  }

  private boolean isBodyTemp(Value.Temp temp) {
    return bodyTemps.contains(temp.index());
  }

}
