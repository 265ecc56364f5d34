package org.symgrad.runtime.optim.lsq;

/**
 * Levenberg–Marquardt as MINPACK's {@code lmder} does it (Moré 1978): a trust region in the
 * parameters scaled by the column norms of {@code J}, the damping found by Moré's {@code lmpar}
 * iteration, and the stopping tests on {@code ftol}, {@code xtol}, {@code gtol} and {@code
 * max_nfev}. The step solves the normal equations {@code (JᵀJ + λD²) p = -Jᵀr} by Cholesky in
 * the scaled variables, where the matrix is equilibrated; where {@code JᵀJ} is singular the
 * Gauss–Newton step is skipped and {@code λ > 0} takes over, so rank-deficient problems move
 * on, and {@link SolverResult#dampedIterations()} says how often.
 *
 * <pre>{@code
 * SolverResult fit = LevenbergMarquardt.minimize(residuals, start, Tolerances.defaults(100));
 * }</pre>
 */
public final class LevenbergMarquardt {
  private LevenbergMarquardt() {}

  /** Minimises {@code Σ r²} from {@code start}. The result's value is {@code ½ Σ r²}. */
  public static SolverResult minimize(ResidualProblem problem, double[] start, Tolerances tol) {
    return TrustRegion.minimize(halfSquares(problem), start, tol, true);
  }

  /** {@code ½ Σ r²} with gradient {@code Jᵀr} and Gauss–Newton matrix {@code JᵀJ}. */
  static SecondOrderProblem halfSquares(ResidualProblem problem) {
    return new SecondOrderProblem() {
      @Override
      public int size() {
        return problem.size();
      }

      @Override
      public double value(double[] x) {
        return 0.5 * problem.rss(x);
      }

      @Override
      public double derivatives(double[] x, double[] gradient, double[] hessian) {
        return 0.5 * problem.normalEquations(x, gradient, hessian);
      }

      @Override
      public boolean derivativesAtTrials() {
        return problem.normalEquationsAtTrials();
      }

      @Override
      public boolean hasCurvatureGradient() {
        return problem.hasCurvature();
      }

      @Override
      public void curvatureGradient(double[] x, double[] v, double[] out) {
        problem.curvature(x, v, out);
      }
    };
  }
}
