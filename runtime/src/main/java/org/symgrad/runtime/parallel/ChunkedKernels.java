package org.symgrad.runtime.parallel;

import org.symgrad.runtime.Batch;

/**
 * The fused pass cut in two, so that its row loop can run on ranges of rows: raw sums over a
 * range, and the step that turns the sums of the whole batch into the objective. A compiled
 * model offers these besides {@code CompiledModel}'s methods; {@link ParallelObjective} drives
 * them. Both must be stateless and thread-safe, as a compiled model is.
 */
public interface ChunkedKernels {

  /** How many sums {@link #sums} writes: the loss sum first, then the gradient sums. */
  int sumCount();

  /**
   * Writes the raw sums over rows {@code [from, to)} of {@code batch} to {@code sums[0]} …
   * {@code sums[sumCount() - 1]}: each sum starts at +0 and adds the rows in order, as the
   * fused kernel's loop does.
   */
  void sums(double[] params, Batch batch, int from, int to, double[] sums);

  /**
   * Writes the sums that {@link #finish}'s loss reads, over rows {@code [from, to)} of {@code
   * batch}, with the bits {@link #sums} writes, and may leave the others as they are: a pass
   * without gradient (validation). A compiled model, whose loss reads the loss sum alone,
   * writes {@code sums[0]} only. This default, for classes generated before the method existed
   * and for programs whose loss reads other sums too, runs {@link #sums}.
   */
  default void lossSums(double[] params, Batch batch, int from, int to, double[] sums) {
    sums(params, batch, from, to, sums);
  }

  /**
   * The objective from the sums over all {@code rows} rows: writes the gradient to {@code
   * grad} and returns the mean loss plus the penalty, as the fused kernel's epilogue does.
   */
  double finish(double[] params, double[] sums, int rows, double[] grad);
}
