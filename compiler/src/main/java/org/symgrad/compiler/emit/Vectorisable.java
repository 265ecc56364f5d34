package org.symgrad.compiler.emit;

import java.util.EnumSet;
import java.util.Set;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Operation;

/**
 * Which kernels have a vector variant: a whitelist, so that anything new in the IR keeps the
 * scalar loop until someone writes and tests its lanes.
 *
 * <p>Only operations whose lane-wise form is the scalar one bit for bit qualify: the IEEE
 * operations, which are exactly rounded either way, and {@code abs}, {@code min} and {@code
 * max}, which follow {@code Math}'s rules for -0 and NaN. The Vector API's {@code EXP}, {@code
 * LOG}, {@code TANH}… may differ from {@code Math.exp} in the last bit, and differently once
 * the JIT replaces them by intrinsics, which would make a model's bits depend on how warm it
 * is; kernels using them stay scalar.
 */
final class Vectorisable {
  /** The operations written lane-wise. */
  static final Set<Operation> LANE_WISE = EnumSet.of(Operation.ADD, Operation.SUB,
      Operation.MUL, Operation.DIV, Operation.NEG, Operation.SQRT, Operation.ABS,
      Operation.MIN, Operation.MAX);

  private Vectorisable() {}

  /**
   * Whether {@code kernel}'s row loop can be written with vectors: a loop that only sums ({@code
   * loss}, {@code lossAndGradient}, {@code sums}), in one method, row by row (not blocked),
   * whose rows only load columns, compute with {@link #LANE_WISE} operations and add to sums.
   */
  static boolean kernel(Kernel kernel) {
    Kernel.Kind kind = kernel.kind();
    if (kind != Kernel.Kind.LOSS && kind != Kernel.Kind.LOSS_AND_GRADIENT
        && kind != Kernel.Kind.SUMS) {
      return false;
    }
    if (kernel.isSplit() || kernel.isBlocked() || kernel.sumsInScratch()
        || kernel.body().isEmpty()) {
      return false;
    }
    for (Instr instr : kernel.body()) {
      boolean laneWise = instr instanceof Instr.LoadColumn
          || instr instanceof Instr.Accumulate
          || instr instanceof Instr.Compute compute && LANE_WISE.contains(compute.operation());
      if (!laneWise) {
        return false;
      }
    }
    return true;
  }
}
