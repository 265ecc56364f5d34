package org.symgrad.runtime.optim.lsq;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.train.StopReason;

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
 * @param nonFinite the derivative that was not finite, when the reason is {@link
 *     Convergence#NOT_FINITE_DERIVATIVES}; else null
 */
public record SolverResult(double[] params, double value, int iterations, int evaluations,
    Convergence reason, int dampedIterations, @Nullable NonFiniteDerivative nonFinite) {

  public SolverResult {
    params = params.clone();
  }

  /** A result whose derivatives were all finite. */
  public SolverResult(double[] params, double value, int iterations, int evaluations,
      Convergence reason, int dampedIterations) {
    this(params, value, iterations, evaluations, reason, dampedIterations, null);
  }

  /**
   * How the fit ended, as {@code "stopped"} names it: converged (a tolerance met), diverged (a
   * value not finite) or completed (the iteration or evaluation limit).
   */
  public StopReason stopReason() {
    return converged() ? StopReason.CONVERGED
        : reason.diverged() ? StopReason.DIVERGED : StopReason.COMPLETED;
  }

  /**
   * Why a fit that {@linkplain Convergence#diverged() diverged} stopped, naming the parameter
   * whose derivative was not finite: {@code the gradient of b2 is NaN at the starting point,
   * where the objective is finite (80684.18816375527)}; empty for any other result.
   *
   * @param names the parameters' names, in order
   * @param matrix what the matrix is called: {@code "JᵀJ"}, {@code "the Hessian"}
   */
  public String divergence(List<String> names, String matrix) {
    if (reason == Convergence.NOT_FINITE) {
      return reason.explanation() + " (" + value + ")";
    }
    if (reason != Convergence.NOT_FINITE_DERIVATIVES) {
      return "";
    }
    // The first iteration expands the start; a later one a point that a step reached.
    String where = iterations <= 1 ? "at the starting point"
        : "at the parameters reached after " + (iterations - 1) + " iteration"
            + (iterations == 2 ? "" : "s");
    String what = nonFinite == null ? "its derivatives are not finite"
        : nonFinite.what(names, matrix);
    return what + " " + where + ", where the objective is finite (" + value + ")";
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
