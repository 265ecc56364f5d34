package org.symgrad.runtime.optim.lsq;

/**
 * What a second-order solver returns.
 *
 * @param params the parameters reached (the starting point when nothing better was found)
 * @param value the objective there (for least squares, half the residual sum of squares)
 * @param iterations derivative (Jacobian or Hessian) evaluations
 * @param evaluations function evaluations
 * @param reason why it stopped
 * @param dampedIterations iterations where the undamped matrix could not be factored
 *     (singular, rank-deficient or indefinite), so damping or the trust region chose the step
 */
public record SolverResult(double[] params, double value, int iterations, int evaluations,
    Convergence reason, int dampedIterations) {

  public SolverResult {
    params = params.clone();
  }

  @Override
  public double[] params() {
    return params.clone();
  }

  /** Whether a tolerance was met. */
  public boolean converged() {
    return reason.converged();
  }
}
