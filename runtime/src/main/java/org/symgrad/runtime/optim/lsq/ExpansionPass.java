package org.symgrad.runtime.optim.lsq;

/**
 * A fused second-order kernel's pass, read as a model's expansion at a point: it returns the
 * value and sums, in order, the {@code p} first derivatives ({@code Jᵀr}, or the gradient) and
 * the upper triangle of the matrix ({@code JᵀJ}, or the Hessian), which this unpacks. Not
 * thread-safe: one buffer, made once.
 */
final class ExpansionPass {
  /**
   * The most parameters for which trial points are valued by this pass rather than by the
   * value kernel alone: its {@code p(p+1)/2} products a row then cost at most a few times the
   * model's own work, which a refused step pays once and a taken one saves (a second pass over
   * the rows at the same point). Both kernels sum the value by one lowering, so they give it
   * the same bits.
   */
  static final int AT_TRIALS_LIMIT = 10;

  private final FusedObjective.Pass pass;
  private final int size;
  private final double[] out;

  ExpansionPass(FusedObjective.Pass pass, int size) {
    this.pass = pass;
    this.size = size;
    this.out = new double[size + size * (size + 1) / 2];
  }

  /** Whether trial points are better valued by this pass: see {@link #AT_TRIALS_LIMIT}. */
  boolean atTrials() {
    return size <= AT_TRIALS_LIMIT;
  }

  /** The value at {@code x}; writes the first derivatives and the full symmetric matrix. */
  double run(double[] x, double[] firstDerivatives, double[] matrix) {
    double value = pass.run(x, out);
    System.arraycopy(out, 0, firstDerivatives, 0, size);
    Dense.unpackUpper(out, size, matrix, size);
    return value;
  }
}
