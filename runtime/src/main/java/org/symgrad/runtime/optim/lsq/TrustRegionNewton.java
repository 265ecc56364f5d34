package org.symgrad.runtime.optim.lsq;

/**
 * Trust-region Newton on the exact Hessian: the same loop as {@link LevenbergMarquardt} (Moré
 * 1978) with the Hessian in place of {@code JᵀJ}, and the step of Moré and Sorensen (1983),
 * which stays safe where the Hessian is indefinite or singular: the shift {@code λ} that makes
 * {@code H + λD²} positive definite is found by failed factorisations, and the step stays
 * inside the trust region. Works for any smooth objective: {@code bce_logits}, {@code
 * cross_entropy}, penalties. For models too large for a dense Hessian the same loop steps by
 * truncated conjugate gradients on Hessian-vector products ({@link SteihaugModel}).
 */
public final class TrustRegionNewton {
  private TrustRegionNewton() {}

  /** Minimises the objective from {@code start}. */
  public static SolverResult minimize(SecondOrderProblem problem, double[] start,
      Tolerances tol) {
    return TrustRegion.minimize(problem, start, tol, false);
  }

  /**
   * Minimises the objective from {@code start} without forming its Hessian: each step is
   * Steihaug's truncated conjugate gradients on Hessian-vector products, inside the same
   * trust region (unscaled, {@code D = I}). An iteration whose CG met negative curvature
   * counts as damped.
   */
  public static SolverResult minimize(HessianVectorProblem problem, double[] start,
      Tolerances tol) {
    return TrustRegion.minimize(new SteihaugModel(problem), start, tol, false);
  }
}
