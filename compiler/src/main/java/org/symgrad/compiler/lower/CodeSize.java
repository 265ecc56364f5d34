package org.symgrad.compiler.lower;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upper bounds on the JVM bytecode of each IR instruction, as either emitter (or javac, for
 * the generated source) writes it, with the widest encodings: {@code wide dload} for a local
 * past slot 255, {@code sipush} or {@code ldc} for an index, {@code ldc2_w} for a literal.
 * {@link Splitter} keeps every method under {@link #METHOD_LIMIT} by these bounds.
 */
final class CodeSize {
  /**
   * The most bytecode a generated method may hold: HotSpot does not compile methods larger
   * than 8000 bytes ({@code -XX:-DontCompileHugeMethods} aside), which would leave them
   * interpreted, so every method stays below that, far below the JVM's 65535.
   */
  static final int METHOD_LIMIT = 7900;
  /** What the splitter fills a helper to before the spills are known: room is left for them. */
  static final int HELPER_TARGET = 5500;
  /** The fixed code of a method: loading its arrays and row count, the loop, the return. */
  static final int METHOD_OVERHEAD = 60;

  private static final int VALUE = 4; // dload (wide) or ldc2_w
  private static final int INDEX = 3; // sipush or ldc
  private static final int LARGE_INDEX = 10; // past 32767: sipush, bipush, ishl, sipush, ior
  private static final int LOCAL = 4; // dstore or aload (wide)
  private static final int SMALL_LOCAL = 2; // iload, aload of a low slot
  // aload scratch, iload row, iload block, isub, the slot, iadd
  private static final int ROW_SLOT = LOCAL + 2 * SMALL_LOCAL + 1 + INDEX + 1;
  /** The block loop around a blocked body: block = from; the test; blockEnd = min(…); step. */
  static final int BLOCK_OVERHEAD = 40;

  private CodeSize() {}

  /** The bytes {@code instr} may take. */
  static int of(Instr instr) {
    return instr.apply(BOUNDS);
  }

  private static int of(List<Instr> body) {
    int size = 0;
    for (Instr inner : body) {
      size += of(inner);
    }
    return size;
  }

  private static final InstrFunction<Integer> BOUNDS = new InstrFunction<>() {
    @Override
    public Integer on(Instr.LoadParam i) {
      return 1 + index(i.index()) + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.LoadColumn i) {
      // aload batch, index, invokevirtual column (in a helper), iload row, daload, dstore
      return 1 + index(i.column()) + 3 + SMALL_LOCAL + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.LoadRowCount i) {
      return SMALL_LOCAL + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.LoadSum i) {
      return LOCAL + index(i.sum().index()) + 1 + LOCAL; // a sum's slot is at most its index
    }

    @Override
    public Integer on(Instr.Reload i) {
      return LOCAL + index(i.slot()) + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.Compute compute) {
      return compute.args().size() * VALUE + 3 + LOCAL;
    }

    @Override
    public Integer on(Instr.Accumulate i) {
      // scratch[i] += v: aload, index, dup2, daload, value, dadd, dastore; or dload/dstore
      return LOCAL + index(i.sum().index()) + 2 + VALUE + 2;
    }

    @Override
    public Integer on(Instr.StoreGradient i) {
      return LOCAL + index(i.index()) + VALUE + 1;
    }

    @Override
    public Integer on(Instr.StoreSum i) {
      return LOCAL + index(i.index()) + VALUE + 1;
    }

    @Override
    public Integer on(Instr.Spill i) {
      return LOCAL + index(i.slot()) + VALUE + 1;
    }

    @Override
    public Integer on(Instr.StoreOutput i) {
      return 1 + SMALL_LOCAL + index(i.outputs()) + 1 + index(i.output()) + 1 + VALUE + 1;
    }

    @Override
    public Integer on(Instr.Call i) {
      // this, params, batch, array, rows, row, scratch; invoke
      return 1 + 1 + 1 + 1 + SMALL_LOCAL + SMALL_LOCAL + SMALL_LOCAL + 3;
    }

    @Override
    public Integer on(Instr.Return i) {
      return VALUE + 1;
    }

    @Override
    public Integer on(Instr.LoadParamAt i) {
      return 1 + index(i.index()) + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.LoadColumnAt i) {
      return 1 + index(i.column()) + 3 + SMALL_LOCAL + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.LoadSumAt i) {
      return LOCAL + index(new Instr.Index(i.first().index(), i.stride())) + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.AccumulateAt i) {
      return LOCAL + index(new Instr.Index(i.first().index(), i.stride())) + 2 + VALUE + 2;
    }

    @Override
    public Integer on(Instr.StoreGradientAt i) {
      return LOCAL + index(i.index()) + VALUE + 1;
    }

    @Override
    public Integer on(Instr.StoreSumAt i) {
      return LOCAL + index(i.index()) + VALUE + 1;
    }

    @Override
    public Integer on(Instr.Loop loop) {
      // j = 0; test: iload, count, if_icmpge; the body; wide iinc, goto; a sum's -0.0 and +=
      int size = 1 + LOCAL + LOCAL + INDEX + 3 + 6 + 3;
      if (loop.to() != null) {
        size += VALUE + LOCAL + LOCAL + VALUE + 1 + LOCAL;
      }
      return size + of(loop.body());
    }

    @Override
    public Integer on(Instr.RowLoop loop) {
      // row = block; test: iload, iload blockEnd, if_icmpge; the body; iinc, goto
      int size = 2 * SMALL_LOCAL + 2 * SMALL_LOCAL + 3 + 6 + 3;
      if (loop.to() != null) {
        size += VALUE + VALUE + 1 + LOCAL;
      }
      return size + of(loop.body());
    }

    @Override
    public Integer on(Instr.LoadRowSlot i) {
      return ROW_SLOT + 1 + LOCAL;
    }

    @Override
    public Integer on(Instr.StoreRowSlot i) {
      return ROW_SLOT + VALUE + 1;
    }

    @Override
    public Integer on(Instr.AccumulateRowSlot i) {
      return ROW_SLOT + 2 + VALUE + 2;
    }

    @Override
    public Integer on(Instr.SetSumAt i) {
      return LOCAL + index(new Instr.Index(i.first().index(), i.stride())) + VALUE + 1;
    }
  };

  /** The bytes of pushing index {@code value}: a reload of an unknown slot is given -1. */
  private static int index(int value) {
    return value >= 0 && value <= Short.MAX_VALUE ? INDEX : LARGE_INDEX;
  }

  /** The bytes of pushing {@code first + stride * j}: iload j, stride, imul, first, iadd. */
  private static int index(Instr.Index index) {
    return LOCAL + index(index.stride()) + 1 + index(Math.abs(index.first())) + 1;
  }

  /**
   * The bytes of {@code kernel}'s checks of its arrays, at the head of its own method: each
   * {@code aload}, the row count's {@code iload}, the length, {@code invokestatic}.
   */
  static int checks(Kernel kernel) {
    int size = 0;
    for (LengthCheck check : kernel.checks()) {
      // checkRows(from, to, batch): three loads and the call.
      size += check.rule().range() ? 3 * SMALL_LOCAL + 3
          : 1 + SMALL_LOCAL + index(check.count()) + 3;
    }
    return size;
  }

  /** The bytes of a method holding {@code sections}, with its fixed code and sums. */
  static int ofMethod(List<List<Instr>> sections, int sums) {
    int size = METHOD_OVERHEAD + sums * (1 + LOCAL);
    for (List<Instr> section : sections) {
      for (Instr instr : section) {
        size += of(instr);
      }
    }
    return size;
  }

  /**
   * The bytes of {@code kernel}'s method with its body written once per lane and once more for
   * the last rows ({@link Kernel#unrollsLanes()}), its lanes' locals and their final additions.
   */
  static int unrolled(Kernel kernel) {
    int sums = kernel.sums().size();
    int once = ofMethod(List.of(kernel.prologue(), kernel.epilogue()), sums * Kernel.LANES);
    // Per sum: seven lane loads and seven additions, the store; per lane copy: iinc row; the
    // end of the groups (a short pass has none) and the test around the tree: 32 at most.
    return once + checks(kernel) + (Kernel.LANES + 1) * (of(kernel.body()) + 3)
        + sums * (Kernel.LANES * (VALUE + 1) + LOCAL) + METHOD_OVERHEAD + 32;
  }

  // A vector row loop's code per body instruction and half of a step: getstatic SPECIES,
  // aload, iload row, the half's offset, invokestatic fromArray, astore (a load); aload,
  // aload, invokevirtual, astore (an operation, or an addition to a partial sum).
  private static final int VECTOR_INSTRUCTION = 13;
  // Per sum: two partials zeroed, then 8 lanes read out (aload, the lane, invokevirtual) and
  // added in the tree, into the sum.
  private static final int VECTOR_SUM = 150;
  // Per value broadcast once before the loop: getstatic, the value, invokestatic, astore.
  private static final int BROADCAST = 13;
  // The short pass's loop and the last rows' loop, and the vector loop's test and step.
  private static final int VECTOR_LOOPS = 72;

  /**
   * An upper bound on the bytes of {@code kernel}'s method with its row loop on the Vector API,
   * as the vector loop writers lay it out: the vector body once per half of a step, each sum's
   * partials and tree, each broadcast, and the scalar body, which the method holds twice (the
   * short pass, the last rows) in short encodings that one copy at this class's widest
   * encodings bounds. {@code VectorCodeSizeTest} checks the bound against the emitted code of
   * every NIST and sample kernel that could be vectorised. {@link Vectorisable} keeps the
   * scalar loop where this passes {@link #METHOD_LIMIT}: a vector method the JIT would not
   * compile runs interpreted, far slower than the scalar one.
   */
  static int vectorised(Kernel kernel) {
    // What the vector loop writers broadcast: every operand the body does not define itself
    // (a parameter, a literal, a value the prologue hoisted).
    Set<Integer> defined = new HashSet<>();
    Vectorisable.bodyTemps(kernel).forEach(temp -> defined.add(temp.index()));
    Set<Value> broadcast = new HashSet<>();
    for (Instr instr : kernel.body()) {
      for (Value operand : Instr.operands(instr)) {
        if (!(operand instanceof Value.Temp temp && defined.contains(temp.index()))) {
          broadcast.add(operand);
        }
      }
    }
    int sums = kernel.sums().size();
    return ofMethod(List.of(kernel.prologue(), kernel.epilogue()), sums) + of(kernel.body())
        + 2 * VECTOR_INSTRUCTION * kernel.body().size() + sums * VECTOR_SUM
        + broadcast.size() * BROADCAST + VECTOR_LOOPS + checks(kernel);
  }
}
