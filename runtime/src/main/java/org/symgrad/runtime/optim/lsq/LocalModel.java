package org.symgrad.runtime.optim.lsq;

import org.jspecify.annotations.Nullable;

/**
 * The quadratic model {@link TrustRegion} builds at each iterate and the step it takes on
 * it: by a dense matrix and {@link StepSolver} ({@link DenseModel}), or by Hessian-vector
 * products and truncated conjugate gradients ({@link SteihaugModel}). The loop owns the
 * scaling {@code D}, the radius, acceptance and the stopping tests; a model owns how the
 * matrix is formed and how the step is found.
 */
interface LocalModel {
  /** The number of parameters. */
  int size();

  /** The objective at {@code x}; NaN or infinite where it is not defined. */
  double value(double[] x);

  /** The objective at {@code x}, its gradient into {@code g}; the model is now taken at x. */
  double expand(double[] x, double[] g);

  /** Whether the matrix taken by the last {@link #expand} is finite, as far as is known. */
  boolean matrixFinite();

  /**
   * The first entry of the matrix's upper triangle that is not finite, by rows, after {@link
   * #matrixFinite} said false; null where the model does not form the matrix.
   */
  default @Nullable NonFiniteDerivative nonFiniteEntry() {
    return null;
  }

  /** The matrix's diagonal entry {@code j}, or 0 when the model does not form it. */
  double diagonal(int j);

  /**
   * Takes the scaled model {@code bᵀq + ½ qᵀSq} with {@code S = D⁻¹HD⁻¹} for the steps that
   * follow; both arrays are read, not copied, until the next call.
   */
  void prepare(double[] d, double[] b);

  /** Writes the step for radius {@code delta}, in the scaled variables, to {@code q}. */
  void solve(double delta, double lambdaGuess, double[] q);

  /** The damping {@code λ} of the last step (0 when the model has none). */
  double lambda();

  /** Whether the last step met a matrix that is not positive definite. */
  boolean unshiftedFailed();

  /** {@code qᵀSq} for the last step {@code q} that {@link #solve} wrote. */
  double curvature(double[] q);

  /**
   * Whether trial points are better valued by {@link #expandCandidate}: the pass that expands
   * costs little more than {@link #value} and gives the same value to the bit. (The loop also
   * expands a trial whose gain is below the objective's rounding, to judge it by its gradient.)
   */
  default boolean expandsAtTrials() {
    return false;
  }

  /**
   * The objective at a trial point {@code x}, as {@link #value} gives it, and its gradient
   * into {@code g}; the expansion is kept aside until {@link #adoptCandidate} makes it the
   * model's, so the current model stays usable for further steps if the trial is refused.
   */
  double expandCandidate(double[] x, double[] g);

  /** Makes the last {@link #expandCandidate} the model's, as if {@link #expand} ran there. */
  void adoptCandidate();

  /** Whether the model can give a geodesic acceleration ({@link #acceleration}). */
  default boolean accelerates() {
    return false;
  }

  /**
   * The geodesic acceleration of the last step {@code q} at {@code x}, in the scaled variables,
   * into {@code a}: the step's own system solved again, by its factorisation, with the
   * residuals' curvature along the step, {@code (S + λI) a = -D⁻¹Jᵀr_vv}. False, with {@code a}
   * unwritten, where the model has none or the step was not solved by a factorisation.
   */
  default boolean acceleration(double[] x, double[] q, double[] a) {
    return false;
  }

  /** Whether the model can add a secant estimate of the residuals' curvature (least squares). */
  default boolean hasSecant() {
    return false;
  }

  /** Updates that estimate with a step taken and the gradient change it made. */
  default void secantUpdate(double[] step, double[] gradientChange) {}

  /** {@code qᵀAq} for the estimate {@code A}, in the scaled variables of the last prepare. */
  default double secantCurvature(double[] q) {
    return 0;
  }

  /** Whether the next {@link #prepare} adds the estimate to the matrix. */
  default void useSecant(boolean on) {}

  default boolean usesSecant() {
    return false;
  }
}
