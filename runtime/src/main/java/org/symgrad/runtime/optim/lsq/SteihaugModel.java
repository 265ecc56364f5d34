package org.symgrad.runtime.optim.lsq;

/**
 * The trust-region step by truncated conjugate gradients (Steihaug 1983, Toint 1981; Nocedal
 * and Wright, Algorithm 7.2) on Hessian-vector products, so no {@code p × p} matrix is formed
 * or factored. From {@code q = 0}, CG on {@code Sq = -b} stops at the first of: a direction
 * of non-positive curvature (then the step runs along it to the boundary), an iterate that
 * leaves the region (cut back to the boundary), a residual at most {@code min(½, ‖b‖²)·‖b‖}
 * (tighter than Nocedal and Wright's {@code √‖b‖}: near the minimum the last steps must be
 * near Newton's, or ftol stops on a step still short of the dense path's minimum), or
 * {@code n} iterations. The scaling {@code D} is the Hessian's diagonal
 * at the start. The first iterate is the Cauchy point, so every step reduces the model at
 * least as much as steepest descent. Buffers are made once.
 */
final class SteihaugModel extends ProblemModel<HessianVectorProblem> {
  private final double[] x;
  private final double[] candidate;
  private final double[] r;
  private final double[] p;
  private final double[] sp;
  private final double[] sq;
  private final double[] unscaled;
  private final double[] hv;
  private final double[] startDiagonal;
  private boolean diagonalTaken;
  private double[] d;
  private double[] b;
  private boolean negativeCurvature;

  SteihaugModel(HessianVectorProblem problem) {
    super(problem);
    this.x = new double[n];
    this.candidate = new double[n];
    this.r = new double[n];
    this.p = new double[n];
    this.sp = new double[n];
    this.sq = new double[n];
    this.unscaled = new double[n];
    this.hv = new double[n];
    this.startDiagonal = new double[n];
  }

  @Override
  public double expand(double[] at, double[] g) {
    double f = super.expand(at, g);
    if (!diagonalTaken && Double.isFinite(f)) {
      takeDiagonal();
    }
    return f;
  }

  @Override
  public double expandCandidate(double[] at, double[] g) {
    System.arraycopy(at, 0, candidate, 0, n);
    return problem.gradient(at, g);
  }

  @Override
  public void adoptCandidate() {
    System.arraycopy(candidate, 0, x, 0, n);
  }

  // The Hessian's diagonal at the start, from n products with unit vectors (as many as one
  // full CG solve): the loop scales by it as it does by the dense Hessian's, which is CG's
  // Jacobi preconditioner. Without it, on raw features (the exams sample's scores of 30 to
  // 100 beside an intercept) n CG iterations in floating point stop short of Newton's step.
  private void takeDiagonal() {
    diagonalTaken = true;
    for (int j = 0; j < n; j++) {
      unscaled[j] = 1;
      problem.hessianVector(x, unscaled, hv);
      unscaled[j] = 0;
      startDiagonal[j] = hv[j];
    }
  }

  @Override
  public boolean matrixFinite() {
    return true; // not formed; a product that is not finite gives a step the loop rejects
  }

  @Override
  public double diagonal(int j) {
    return startDiagonal[j]; // the start's: each later iterate's would cost n products
  }

  @Override
  public void prepare(double[] scaling, double[] gradient) {
    this.d = scaling;
    this.b = gradient;
  }

  @Override
  public void solve(double delta, double lambdaGuess, double[] q) {
    negativeCurvature = false;
    java.util.Arrays.fill(q, 0, n, 0);
    java.util.Arrays.fill(sq, 0, n, 0);
    double rr = 0;
    for (int i = 0; i < n; i++) {
      r[i] = b[i];
      p[i] = -b[i];
      rr += r[i] * r[i];
    }
    double bNorm = Math.sqrt(rr);
    if (bNorm == 0) {
      return;
    }
    double tolerance = Math.min(0.5, bNorm * bNorm) * bNorm;
    for (int k = 0; k < n; k++) {
      scaledProduct(p, sp);
      double kappa = Dense.dot(p, sp, n);
      if (!(kappa > 0)) {
        negativeCurvature = true;
        toBoundary(q, delta);
        return;
      }
      double alpha = rr / kappa;
      double qNext = 0;
      for (int i = 0; i < n; i++) {
        double v = q[i] + alpha * p[i];
        qNext += v * v;
      }
      if (Math.sqrt(qNext) >= delta) {
        toBoundary(q, delta);
        return;
      }
      double rrNext = 0;
      for (int i = 0; i < n; i++) {
        q[i] += alpha * p[i];
        sq[i] += alpha * sp[i];
        r[i] += alpha * sp[i];
        rrNext += r[i] * r[i];
      }
      if (Math.sqrt(rrNext) <= tolerance) {
        return;
      }
      double beta = rrNext / rr;
      rr = rrNext;
      for (int i = 0; i < n; i++) {
        p[i] = -r[i] + beta * p[i];
      }
    }
  }

  // Moves q along p to ‖q + τp‖ = Δ, τ ≥ 0, the root taken without cancellation; S p is in
  // sp already, so S q follows without another product.
  private void toBoundary(double[] q, double delta) {
    double pp = Dense.dot(p, p, n);
    double qp = Dense.dot(q, p, n);
    double room = delta * delta - Dense.dot(q, q, n);
    double root = Math.sqrt(Math.max(0, qp * qp + pp * room));
    double tau = qp > 0 ? room / (qp + root) : (root - qp) / pp;
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      tau = 0;
    }
    for (int i = 0; i < n; i++) {
      q[i] += tau * p[i];
      sq[i] += tau * sp[i];
    }
  }

  // S v = D⁻¹ H D⁻¹ v.
  private void scaledProduct(double[] v, double[] out) {
    for (int i = 0; i < n; i++) {
      unscaled[i] = v[i] / d[i];
    }
    problem.hessianVector(x, unscaled, hv);
    for (int i = 0; i < n; i++) {
      out[i] = hv[i] / d[i];
    }
  }

  @Override
  public double lambda() {
    return 0;
  }

  @Override
  public boolean unshiftedFailed() {
    return negativeCurvature;
  }

  @Override
  public double curvature(double[] q) {
    return Dense.dot(q, sq, n);
  }
}
