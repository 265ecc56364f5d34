package org.symgrad.compiler.lower;

import java.util.List;
import org.symgrad.compiler.graph.Node;

/**
 * The zeros of a gradient between the elements stored: as the stores go up the parameter
 * array, each gap before the next is written as zeros, a loop when it is long enough, the very
 * loop {@link Reroller} would roll the stores into. So a declared element that nothing reads
 * costs nothing per element, and a model that reads them all lowers as it always did.
 */
final class ZeroRuns {
  private final int minRun;
  private final List<KernelBuilder> kernels;
  private int next;

  /** Zeros for {@code kernels}, rolled from runs of {@code minRun} (LowerOptions.loopsFrom). */
  ZeroRuns(int minRun, KernelBuilder... kernels) {
    this.minRun = minRun;
    this.kernels = List.of(kernels);
  }

  /** Whether {@code gradient} is +0, which a gap's zeros write (-0 is not: its bits differ). */
  static boolean isZero(Node gradient) {
    return gradient.isConstant() && Double.doubleToRawLongBits(gradient.value()) == 0L;
  }

  /** Zeros up to {@code offset}, where the next element is stored (the end, after the last). */
  void before(int offset) {
    if (offset > next) {
      int first = next;
      kernels.forEach(k -> k.zeroGradients(first, offset - first, minRun));
    }
    next = offset + 1;
  }
}
