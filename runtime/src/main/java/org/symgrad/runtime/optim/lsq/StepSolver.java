package org.symgrad.runtime.optim.lsq;

/**
 * The trust-region step: minimises {@code bᵀq + ½ qᵀSq} over {@code ‖q‖ ≤ Δ} for a symmetric
 * {@code S}, which may be singular or indefinite, in the variables already scaled by the
 * solver's diagonal. This is Moré's {@code lmpar} (Moré 1978, §§5–7) with a Cholesky
 * factorisation in place of the QR one, and the safeguards of Moré and Sorensen (1983) for an
 * indefinite {@code S}: find {@code λ ≥ 0} with {@code S + λI} positive definite and
 * {@code ‖q(λ)‖ = Δ} to within 10 %, by Newton's method on {@code 1/‖q(λ)‖}, keeping {@code λ}
 * inside bounds that every failed factorisation and every step raises or lowers.
 *
 * <p>One instance per solver run; its buffers are reused, so {@link #prepare} and {@link
 * #solve} allocate nothing.
 */
final class StepSolver {
  private static final int MAX_TRIES = 60;

  private final int n;
  private final double[] factor;
  private final double[] inverseDiagonal;
  private final double[] y;
  private final double[] best;
  private final double[] gaussNewton;
  private double[] s;
  private double[] b;
  private double bNorm;
  private double lowerBound;
  private double gershgorin;
  private boolean gaussNewtonFactored;
  private double gaussNewtonNorm;
  private double gaussNewtonYNorm;
  private double lambda;
  private boolean unshiftedFailed;

  StepSolver(int n) {
    this.n = n;
    this.factor = new double[n * n];
    this.inverseDiagonal = new double[n];
    this.y = new double[n];
    this.best = new double[n];
    this.gaussNewton = new double[n];
  }

  /** The damping {@code λ} of the last step: 0 for a full Gauss–Newton or Newton step. */
  double lambda() {
    return lambda;
  }

  /** Whether {@code S} itself could not be factored at the last step: damping was needed. */
  boolean unshiftedFailed() {
    return unshiftedFailed;
  }

  /**
   * Takes the model {@code bᵀq + ½ qᵀSq} for the steps that follow, until the next call:
   * once per outer iteration, so that what does not depend on {@code Δ} (the bounds on
   * {@code λ} and the undamped step, a factorisation) is not redone for every rejected
   * step. {@code s} is full and symmetric; both arrays are read, not copied, and must not
   * change until the next call.
   */
  void prepare(double[] s, double[] b) {
    this.s = s;
    this.b = b;
    bNorm = Dense.norm(b, n);
    // Bounds on λ (Moré–Sorensen §3): below, every negative diagonal entry; above, the
    // Gershgorin bound on -λmin, to which solve adds ‖b‖/Δ, where the step is surely inside.
    lowerBound = 0;
    gershgorin = 0;
    for (int i = 0; i < n; i++) {
      double off = 0;
      for (int j = 0; j < n; j++) {
        off += j == i ? 0 : Math.abs(s[i * n + j]);
      }
      lowerBound = Math.max(lowerBound, -s[i * n + i]);
      gershgorin = Math.max(gershgorin, off - s[i * n + i]);
    }
    gaussNewtonFactored = bNorm != 0 && tryLambda(0, gaussNewton);
    if (gaussNewtonFactored) {
      gaussNewtonNorm = Dense.norm(gaussNewton, n);
      gaussNewtonYNorm = Dense.norm(y, n);
    }
  }

  /**
   * Writes the step for the radius {@code delta} to {@code q}. {@code lambdaGuess} is the
   * previous step's damping, where the search starts.
   */
  void solve(double delta, double lambdaGuess, double[] q) {
    unshiftedFailed = false;
    if (bNorm == 0) {
      java.util.Arrays.fill(q, 0, n, 0);
      lambda = 0;
      return;
    }
    double lo = lowerBound;
    double hi = Math.max(0, gershgorin) + bNorm / delta;
    boolean haveBest = false;

    if (gaussNewtonFactored) {
      if (gaussNewtonNorm <= 1.1 * delta) {
        System.arraycopy(gaussNewton, 0, q, 0, n);
        lambda = 0;
        return;
      }
      // The Newton iterate from 0 is a lower bound, as φ is convex and decreasing (lmpar).
      lo = Math.max(lo, newtonStep(gaussNewtonNorm, gaussNewtonYNorm, delta));
    } else {
      unshiftedFailed = true;
    }
    // As lmpar: start from the previous damping, raised to the lower bound, which after a
    // factored Gauss-Newton step is Newton's iterate from 0 and usually close already.
    double lam = Math.min(Math.max(lambdaGuess, lo), hi);
    if (lam <= 0) {
      lam = safeguard(lo, hi);
    }
    for (int tries = 0; tries < MAX_TRIES; tries++) {
      if (!tryLambda(lam, q)) {
        lo = lam; // S + λI is not positive definite: the answer lies above
        lam = safeguard(lo, hi);
        continue;
      }
      double qNorm = Dense.norm(q, n);
      if (Math.abs(qNorm - delta) <= 0.1 * delta) {
        lambda = lam;
        return;
      }
      if (qNorm < delta) {
        hi = lam;
        System.arraycopy(q, 0, best, 0, n);
        haveBest = true;
        lambda = lam;
      } else {
        lo = lam;
      }
      double next = lam + newtonStep(qNorm, Dense.norm(y, n), delta);
      lam = next > lo && next < hi ? next : safeguard(lo, hi);
      if (hi - lo <= 1e-14 * hi) {
        break;
      }
    }
    if (haveBest) {
      // The hard case (b orthogonal to the lowest eigenvector): a step inside the region,
      // still a descent step for the model.
      System.arraycopy(best, 0, q, 0, n);
      return;
    }
    // Nothing factored inside the bounds (only rounding can do this): the Cauchy point, the
    // model's minimum along steepest descent inside the region, which always reduces it.
    double curvature = Dense.quadratic(s, b, n);
    double length = delta / bNorm;
    if (curvature > 0) {
      length = Math.min(length, bNorm * bNorm / curvature);
    }
    for (int i = 0; i < n; i++) {
      q[i] = -b[i] * length;
    }
    lambda = hi;
  }

  // Factors S + λI and writes q = -(S + λI)⁻¹ b; y keeps L⁻¹q for the Newton update. The
  // pivots' reciprocals are taken once here, so the three triangular solves multiply: a
  // division's latency is what bounds these small solves.
  private boolean tryLambda(double lam, double[] q) {
    if (!Dense.cholesky(s, lam, n, factor)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      inverseDiagonal[i] = 1 / factor[i * n + i];
    }
    for (int i = 0; i < n; i++) {
      double sum = -b[i];
      for (int k = 0; k < i; k++) {
        sum -= factor[i * n + k] * q[k];
      }
      q[i] = sum * inverseDiagonal[i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double sum = q[i];
      for (int k = i + 1; k < n; k++) {
        sum -= factor[k * n + i] * q[k];
      }
      q[i] = sum * inverseDiagonal[i];
    }
    for (int i = 0; i < n; i++) {
      double sum = q[i];
      for (int k = 0; k < i; k++) {
        sum -= factor[i * n + k] * y[k];
      }
      y[i] = sum * inverseDiagonal[i];
    }
    return true;
  }

  // Newton's correction for φ(λ) = 1/Δ - 1/‖q(λ)‖: (‖q‖/‖L⁻¹q‖)² (‖q‖ - Δ)/Δ.
  private static double newtonStep(double qNorm, double yNorm, double delta) {
    double ratio = qNorm / yNorm;
    return ratio * ratio * (qNorm - delta) / delta;
  }

  private static double safeguard(double lo, double hi) {
    return Math.max(Math.sqrt(lo * hi), lo + 1e-3 * (hi - lo));
  }
}
