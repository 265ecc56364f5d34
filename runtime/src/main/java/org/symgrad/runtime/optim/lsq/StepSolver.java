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
 * <p>One instance per solver run; its buffers are reused, so {@link #solve} allocates nothing.
 */
final class StepSolver {
  private static final int MAX_TRIES = 60;

  private final int n;
  private final double[] factor;
  private final double[] y;
  private final double[] best;
  private double lambda;
  private boolean unshiftedFailed;

  StepSolver(int n) {
    this.n = n;
    this.factor = new double[n * n];
    this.y = new double[n];
    this.best = new double[n];
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
   * Writes the step to {@code q}. {@code s} is full and symmetric; {@code lambdaGuess} is the
   * previous step's damping, where the search starts.
   */
  void solve(double[] s, double[] b, double delta, double lambdaGuess, double[] q) {
    double bNorm = Dense.norm(b, n);
    unshiftedFailed = false;
    if (bNorm == 0) {
      java.util.Arrays.fill(q, 0, n, 0);
      lambda = 0;
      return;
    }
    // Bounds on λ (Moré–Sorensen §3): below, every negative diagonal entry; above, the
    // Gershgorin bound on -λmin plus ‖b‖/Δ, where the step is surely inside.
    double lo = 0;
    double gershgorin = 0;
    for (int i = 0; i < n; i++) {
      double off = 0;
      for (int j = 0; j < n; j++) {
        off += j == i ? 0 : Math.abs(s[i * n + j]);
      }
      lo = Math.max(lo, -s[i * n + i]);
      gershgorin = Math.max(gershgorin, off - s[i * n + i]);
    }
    double hi = Math.max(0, gershgorin) + bNorm / delta;
    boolean haveBest = false;

    if (tryLambda(s, b, 0, q)) {
      double qNorm = Dense.norm(q, n);
      if (qNorm <= 1.1 * delta) {
        lambda = 0;
        return;
      }
      // The Newton iterate from 0 is a lower bound, as φ is convex and decreasing (lmpar).
      lo = Math.max(lo, newtonStep(qNorm, delta));
    } else {
      unshiftedFailed = true;
    }
    double lam = Math.min(Math.max(lambdaGuess, lo), hi);
    if (lam <= lo) {
      lam = safeguard(lo, hi);
    }
    for (int tries = 0; tries < MAX_TRIES; tries++) {
      if (!tryLambda(s, b, lam, q)) {
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
      double next = lam + newtonStep(qNorm, delta);
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

  // Factors S + λI and writes q = -(S + λI)⁻¹ b; y keeps L⁻¹q for the Newton update.
  private boolean tryLambda(double[] s, double[] b, double lam, double[] q) {
    if (!Dense.cholesky(s, lam, n, factor)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      q[i] = -b[i];
    }
    Dense.forward(factor, q, n, q);
    Dense.backward(factor, q, n, q);
    Dense.forward(factor, q, n, y);
    return true;
  }

  // Newton's correction for φ(λ) = 1/Δ - 1/‖q(λ)‖: (‖q‖/‖L⁻¹q‖)² (‖q‖ - Δ)/Δ.
  private double newtonStep(double qNorm, double delta) {
    double yNorm = Dense.norm(y, n);
    double ratio = qNorm / yNorm;
    return ratio * ratio * (qNorm - delta) / delta;
  }

  private static double safeguard(double lo, double hi) {
    return Math.max(Math.sqrt(lo * hi), lo + 1e-3 * (hi - lo));
  }
}
