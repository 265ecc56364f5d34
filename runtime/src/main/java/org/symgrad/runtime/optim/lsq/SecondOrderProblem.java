package org.symgrad.runtime.optim.lsq;

/**
 * What a second-order solver needs of a problem: its value, and at chosen points its gradient
 * and a symmetric matrix of second derivatives. For {@link LevenbergMarquardt} the value is
 * half the residual sum of squares, the gradient {@code Jᵀr} and the matrix {@code JᵀJ}; for
 * {@link TrustRegionNewton} the objective, its gradient and its exact Hessian.
 */
public interface SecondOrderProblem extends ValuedProblem {
  /**
   * The value at {@code x}; writes the gradient to {@code gradient} and the matrix, row-major
   * {@code size × size} and symmetric (at least its upper triangle), to {@code hessian}.
   */
  double derivatives(double[] x, double[] gradient, double[] hessian);

  /**
   * Whether a solver should evaluate its trial points with {@link #derivatives} rather than
   * {@link #value}: true where that pass costs little more and returns the same value to the
   * bit, so a step that is taken needs no second pass at its point. False by default.
   */
  default boolean derivativesAtTrials() {
    return false;
  }

  /**
   * Whether {@link #curvatureGradient} is available: for least squares with a geodesic kernel.
   */
  default boolean hasCurvatureGradient() {
    return false;
  }

  /**
   * For least squares, {@code Jᵀr_vv} at {@code x} along {@code v} into {@code out}, the right
   * side of the geodesic acceleration's system.
   *
   * @throws UnsupportedOperationException unless {@link #hasCurvatureGradient}
   */
  default void curvatureGradient(double[] x, double[] v, double[] out) {
    throw new UnsupportedOperationException("no curvature kernel");
  }
}
