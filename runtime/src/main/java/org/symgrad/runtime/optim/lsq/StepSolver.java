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
  private boolean boundsKnown;
  private boolean gaussNewtonFactored;
  private double gaussNewtonNorm;
  private double gaussNewtonYNorm;
  private double lambda;
  private boolean unshiftedFailed;
  private boolean stepFactored; // factor is S + λI for the last step's λ
  private double factoredLambda = Double.NaN; // the λ of what factor holds; NaN when spoilt

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
    boundsKnown = false; // found by the first solve that needs them: most take Gauss–Newton's
    factoredLambda = Double.NaN; // a factor of the last S is not one of this S
    gaussNewtonFactored = bNorm != 0 && tryLambda(0, gaussNewton);
    if (gaussNewtonFactored) {
      gaussNewtonNorm = Dense.norm(gaussNewton, n);
      gaussNewtonYNorm = Double.NaN; // taken from the factor when first needed, if ever
    }
  }

  /**
   * Writes the step for the radius {@code delta} to {@code q}. {@code lambdaGuess} is the
   * previous step's damping, where the search starts.
   */
  void solve(double delta, double lambdaGuess, double[] q) {
    unshiftedFailed = false;
    stepFactored = false;
    if (bNorm == 0) {
      java.util.Arrays.fill(q, 0, n, 0);
      lambda = 0;
      return;
    }
    if (gaussNewtonFactored && gaussNewtonNorm <= 1.1 * delta) {
      System.arraycopy(gaussNewton, 0, q, 0, n);
      lambda = 0;
      stepFactored = factoredLambda == 0;
      return;
    }
    if (!boundsKnown) {
      findBounds();
    }
    double lo = lowerBound;
    double hi = Math.max(0, gershgorin) + bNorm / delta;
    boolean haveBest = false;

    if (gaussNewtonFactored) {
      // The Newton iterate from 0 is a lower bound, as φ is convex and decreasing (lmpar).
      // Its ‖L⁻¹q‖ is needed only when the Gauss–Newton step is too long, which is the first
      // time any solve after prepare factors again, so the factor is still λ = 0's.
      if (Double.isNaN(gaussNewtonYNorm)) {
        gaussNewtonYNorm = yNorm(gaussNewton);
      }
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
        stepFactored = true;
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
      double next = lam + newtonStep(qNorm, yNorm(q), delta);
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

  /**
   * Whether the last step came from a factorisation still held, of {@code S + λI} for its
   * {@code λ}: not the hard case's best step, the Cauchy point, or a factor since replaced.
   */
  boolean stepFactored() {
    return stepFactored && factoredLambda == lambda;
  }

  /**
   * Writes {@code -(S + λI)⁻¹ c} to {@code out} by the last step's factorisation, which
   * {@link #stepFactored} says is held: the geodesic acceleration solves the step's own system
   * again with another right side.
   */
  void solveAgain(double[] c, double[] out) {
    if (!stepFactored()) {
      throw new IllegalStateException("the last step's factorisation is not held");
    }
    solveFactored(c, out);
  }

  // Bounds on λ (Moré–Sorensen §3): below, every negative diagonal entry; above, the
  // Gershgorin bound on -λmin, to which solve adds ‖b‖/Δ, where the step is surely inside.
  private void findBounds() {
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
    boundsKnown = true;
  }

  // Factors S + λI and writes q = -(S + λI)⁻¹ b. The pivots' reciprocals are taken once
  // by the factorisation, so the triangular solves multiply: a division's latency is what bounds these small
  // solves. The forward solve runs by columns: each q[i] subtracts the same products in the
  // same order as by rows (the same bits), but the rows' updates no longer wait in one chain.
  private boolean tryLambda(double lam, double[] q) {
    if (!factor(lam)) {
      factoredLambda = Double.NaN; // a failed factorisation leaves factor half overwritten
      return false;
    }
    factoredLambda = lam;
    solveFactored(b, q);
    return true;
  }

  // q = -(LLᵀ)⁻¹ c for the factor L in place.
  private void solveFactored(double[] c, double[] q) {
    for (int i = 0; i < n; i++) {
      q[i] = -c[i];
    }
    forwardByColumns(q);
    for (int i = n - 1; i >= 0; i--) {
      double sum = q[i];
      for (int k = i + 1; k < n; k++) {
        sum -= factor[k * n + i] * q[k];
      }
      q[i] = sum * inverseDiagonal[i];
    }
  }

  // The lower Cholesky factor of S + λI into factor's lower triangle (the upper one is never
  // read), as Dense.cholesky, but each column multiplies by its pivot's reciprocal, one
  // division a column instead of one an entry, and keeps it for the solves.
  private boolean factor(double lam) {
    double largest = 0;
    for (int i = 0; i < n; i++) {
      largest = Math.max(largest, Math.abs(s[i * n + i] + lam));
    }
    double tiny = largest * n * 1e-14; // as Dense.cholesky: singular to working precision
    for (int j = 0; j < n; j++) {
      double d = s[j * n + j] + lam;
      for (int k = 0; k < j; k++) {
        d -= factor[j * n + k] * factor[j * n + k];
      }
      if (!(d > tiny)) {
        return false;
      }
      double inverse = 1 / Math.sqrt(d);
      inverseDiagonal[j] = inverse;
      for (int i = j + 1; i < n; i++) {
        double sum = s[j * n + i];
        for (int k = 0; k < j; k++) {
          sum -= factor[i * n + k] * factor[j * n + k];
        }
        factor[i * n + j] = sum * inverse;
      }
    }
    return true;
  }

  // ‖L⁻¹q‖ for the last factor L, for the Newton update of λ.
  private double yNorm(double[] q) {
    for (int i = 0; i < n; i++) {
      y[i] = q[i]; // a loop: System.arraycopy's set-up costs more than a few copies
    }
    forwardByColumns(y);
    return Dense.norm(y, n);
  }

  // Solves L v = w in place (v overwrites w).
  private void forwardByColumns(double[] w) {
    for (int j = 0; j < n; j++) {
      double v = w[j] * inverseDiagonal[j];
      w[j] = v;
      for (int i = j + 1; i < n; i++) {
        w[i] -= factor[i * n + j] * v;
      }
    }
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
