package org.symgrad.runtime.optim.lsq;

/**
 * A least-squares problem as {@link LevenbergMarquardt} reads it: residuals {@code r(x)} over
 * the rows, seen only through their sum of squares and the normal equations, so that {@code
 * J} need never be stored.
 */
public interface ResidualProblem {
  /** The number of parameters. */
  int size();

  /** The number of rows (residuals). */
  int rows();

  /** {@code Σ r²} at {@code x}. */
  double rss(double[] x);

  /**
   * {@code Σ r²} at {@code x}; writes {@code Jᵀr} to {@code jtr} and {@code JᵀJ} (row-major,
   * at least its upper triangle) to {@code jtj}.
   */
  double normalEquations(double[] x, double[] jtr, double[] jtj);

  /**
   * Whether a solver should evaluate its trial points with {@link #normalEquations} rather
   * than {@link #rss}: true where that pass costs little more and returns the same {@code Σ r²}
   * to the bit, so a step that is taken needs no second pass at its point and the fit's path
   * does not change. False unless an implementation knows both.
   */
  default boolean normalEquationsAtTrials() {
    return false;
  }

  /**
   * Whether {@link #curvature} is available: the residuals' second directional derivative
   * along a step, for the geodesic acceleration of {@link LevenbergMarquardt}.
   */
  default boolean hasCurvature() {
    return false;
  }

  /**
   * Writes {@code Jᵀr_vv} at {@code x} along {@code v} to {@code jtRvv}, where {@code r_vv,i =
   * vᵀ∇²rᵢ v}, and returns {@code rᵀr_vv}.
   *
   * @throws UnsupportedOperationException unless {@link #hasCurvature}
   */
  default double curvature(double[] x, double[] v, double[] jtRvv) {
    throw new UnsupportedOperationException("no curvature kernel");
  }
}
