package org.symgrad.runtime.optim.lsq;

import java.util.Locale;

/** Why a second-order solver stopped: which tolerance was met, or which limit was hit. */
public enum Convergence {
  /** Both reductions of the objective were at most {@code ftol}. */
  FTOL(true, "the relative reduction of the objective was at most ftol"),
  /** The trust region shrank below {@code xtol} times the parameters' size. */
  XTOL(true, "the relative step was at most xtol"),
  /** Both {@link #FTOL} and {@link #XTOL}. */
  FTOL_XTOL(true, "both the reduction (ftol) and the step (xtol) were small enough"),
  /** The scaled gradient was at most {@code gtol}. */
  GTOL(true, "the gradient was at most gtol"),
  /**
   * No further reduction is possible in floating point (MINPACK's info 6–8): the tolerances
   * asked for more than double precision holds, and the point is a minimum to working
   * precision.
   */
  PRECISION(true, "no further reduction is possible in double precision"),
  /** The iteration limit ({@code --epochs}) was reached first. */
  ITERATIONS(false, "the iteration limit was reached before any tolerance was met"),
  /** The evaluation limit ({@code max_nfev}) was reached first. */
  EVALUATIONS(false, "the evaluation limit (max_nfev) was reached before any tolerance was met"),
  /** The objective was not finite at the starting point. */
  NOT_FINITE(false, "the objective is not finite at the starting point",
      "objective_not_finite"),
  /**
   * The objective was finite but a derivative was not (the gradient, {@code JᵀJ} or the
   * Hessian), at the start or at a point a step reached: {@link SolverResult#nonFinite()}
   * says which.
   */
  NOT_FINITE_DERIVATIVES(false, "the objective is finite but its derivatives are not",
      "derivatives_not_finite");

  private final boolean converged;
  private final String explanation;
  private final String label;

  Convergence(boolean converged, String explanation) {
    this(converged, explanation, null);
  }

  Convergence(boolean converged, String explanation, String label) {
    this.converged = converged;
    this.explanation = explanation;
    this.label = label != null ? label : name().toLowerCase(Locale.ROOT).replace('_', '+');
  }

  /** Whether a tolerance was met: {@code "stopped": "converged"}. */
  public boolean converged() {
    return converged;
  }

  /** A sentence for the user. */
  public String explanation() {
    return explanation;
  }

  /** Whether the fit could not go on because a value was not finite: it diverged. */
  public boolean diverged() {
    return this == NOT_FINITE || this == NOT_FINITE_DERIVATIVES;
  }

  /**
   * {@code ftol}, {@code xtol}, {@code ftol+xtol}… {@code objective_not_finite}, as {@code
   * --json} names it.
   */
  public String label() {
    return label;
  }
}
