package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The lowering pass that decides which kernels run their rows on the Vector API and records it
 * in each {@link Kernel#vectorised()}; the emitters print what it decided. A whitelist, so that
 * anything new in the IR keeps the scalar loop until someone writes and tests its lanes.
 *
 * <p>Only operations whose lane-wise form is the scalar one bit for bit qualify: the IEEE
 * operations, which are exactly rounded either way, and {@code abs}, {@code min} and {@code
 * max}, which follow {@code Math}'s rules for -0 and NaN. The Vector API's {@code EXP}, {@code
 * LOG}, {@code TANH}… may differ from {@code Math.exp} in the last bit, and differently once
 * the JIT replaces them by intrinsics, which would make a model's bits depend on how warm it
 * is; kernels using them stay scalar.
 */
public final class Vectorisable {
  /** The operations written lane-wise. */
  public static final Set<Operation> LANE_WISE = EnumSet.of(Operation.ADD, Operation.SUB,
      Operation.MUL, Operation.DIV, Operation.NEG, Operation.SQRT, Operation.ABS,
      Operation.MIN, Operation.MAX);

  /**
   * What an instruction of a vectorised body is, for the emitters' lane writers: a switch over
   * it fails to compile when a lane is added, as one over {@link InstrType} does.
   */
  public enum Lane {
    /** {@link Instr.LoadColumn}: four rows of a column. */
    LOAD_COLUMN {
      @Override
      void print(Instr instr, int half, LanePrinter printer) {
        printer.loadColumn((Instr.LoadColumn) instr, half);
      }
    },
    /** {@link Instr.Compute} with a {@link #LANE_WISE} operation. */
    COMPUTE {
      @Override
      void print(Instr instr, int half, LanePrinter printer) {
        printer.compute((Instr.Compute) instr, half);
      }
    },
    /** {@link Instr.Accumulate}: four rows' terms added to the sum's partial vector. */
    ACCUMULATE {
      @Override
      void print(Instr instr, int half, LanePrinter printer) {
        printer.accumulate((Instr.Accumulate) instr, half);
      }
    };

    abstract void print(Instr instr, int half, LanePrinter printer);
  }

  /**
   * What prints a vectorised body, one method per {@link Lane}, each for one half of a step of
   * the vector loop ({@code half} 0 or 1): a new lane is a new method here.
   */
  public interface LanePrinter {
    void loadColumn(Instr.LoadColumn instr, int half);

    void compute(Instr.Compute instr, int half);

    void accumulate(Instr.Accumulate instr, int half);
  }

  /**
   * Hands {@code instr}, an instruction of a vectorised body, to {@code printer}'s method for
   * its lane.
   */
  public static void print(Instr instr, int half, LanePrinter printer) {
    Lane lane = lane(instr);
    if (lane == null) {
      throw new IllegalArgumentException("not in a vectorised body: " + instr);
    }
    lane.print(instr, half, printer);
  }

  private Vectorisable() {}

  /**
   * {@code program} with vector row loops where {@code on} and the kernel qualifies ({@link
   * #qualifies}), and scalar ones everywhere else.
   */
  public static Program apply(Program program, boolean on) {
    if (program.kernels().stream().allMatch(k -> k.vectorised() == (on && qualifies(k)))) {
      return program; // nothing to change: most compiles ask for no vectors
    }
    return new Program(program.info(), program.source(), mark(program.predict(), on),
        mark(program.loss(), on), mark(program.lossAndGradient(), on), program.derivatives(),
        program.sums() == null ? null : mark(program.sums(), on),
        program.finish() == null ? null : mark(program.finish(), on), program.sumCount(),
        program.lossSums() == null ? null : mark(program.lossSums(), on));
  }

  private static Kernel mark(Kernel kernel, boolean on) {
    return kernel.withVectorised(on && qualifies(kernel));
  }

  /** The lane {@code instr} is in a vectorised body, or null when it cannot be one. */
  public static @Nullable Lane lane(Instr instr) {
    return switch (InstrType.of(instr)) {
      case LOAD_COLUMN -> Lane.LOAD_COLUMN;
      case COMPUTE -> LANE_WISE.contains(((Instr.Compute) instr).operation()) ? Lane.COMPUTE
          : null;
      case ACCUMULATE -> Lane.ACCUMULATE;
      case LOAD_PARAM, LOAD_ROW_COUNT, LOAD_SUM, STORE_GRADIENT, STORE_SUM, STORE_OUTPUT, CALL,
          SPILL, RELOAD, RETURN, LOOP, LOAD_PARAM_AT, LOAD_COLUMN_AT, LOAD_SUM_AT, ACCUMULATE_AT,
          STORE_GRADIENT_AT, STORE_SUM_AT, ROW_LOOP, SET_SUM_AT, LOAD_ROW_SLOT, STORE_ROW_SLOT,
          ACCUMULATE_ROW_SLOT -> null;
    };
  }

  /** The temporaries {@code kernel}'s body defines, in order: two vectors each in a loop. */
  public static List<Value.Temp> bodyTemps(Kernel kernel) {
    List<Value.Temp> temps = new ArrayList<>();
    for (Instr instr : kernel.body()) {
      Value.Temp to = Instr.defined(instr);
      if (to != null) {
        temps.add(to);
      }
    }
    return temps;
  }

  /**
   * Whether {@code kernel}'s row loop can be written with vectors: a loop that only sums ({@code
   * loss}, {@code lossAndGradient}, {@code sums}, {@code lossSums}), in one method, row by row
   * (not blocked), whose rows are all {@linkplain #lane lanes}, and whose vector method stays
   * small enough for the JIT to compile ({@link CodeSize#vectorised}). Its sums are the scalar kernel's bits: both
   * add the rows in {@link Kernel}'s order of a row sum.
   */
  public static boolean qualifies(Kernel kernel) {
    return writtenInLanes(kernel) && CodeSize.vectorised(kernel) <= CodeSize.METHOD_LIMIT;
  }

  /** Whether {@code kernel} has a row loop that only sums, made of lanes, whatever its size. */
  static boolean writtenInLanes(Kernel kernel) {
    if (!kernel.sumsRows()) {
      return false;
    }
    if (kernel.isSplit() || kernel.isBlocked() || kernel.scratchSize() > 0
        || kernel.body().isEmpty()) {
      return false;
    }
    return kernel.body().stream().allMatch(instr -> lane(instr) != null);
  }
}
