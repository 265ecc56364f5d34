package org.symgrad.runtime.optim.lsq;

import org.jspecify.annotations.Nullable;

/**
 * The model on a dense symmetric matrix ({@code JᵀJ} or the exact Hessian) from a {@link
 * SecondOrderProblem}, stepped by Moré's {@link StepSolver}. Buffers are made once.
 */
final class DenseModel extends ProblemModel<SecondOrderProblem> {
  private double[] h;
  private double[] candidate;
  private final boolean expandsAtTrials;
  private final double[] s;
  private final StepSolver solver;
  private final SecantTerm secant; // null unless least squares
  private boolean useSecant;
  private final double[] reciprocal; // 1 / d of the last prepare
  private final boolean accelerates;
  private final double[] velocity; // the step, unscaled, for the acceleration
  private final double[] rhs; // Jᵀr_vv, then scaled

  DenseModel(SecondOrderProblem problem) {
    this(problem, false);
  }

  /** With {@code secant}, the model may add NL2SOL's estimate of the residuals' curvature. */
  DenseModel(SecondOrderProblem problem, boolean secant) {
    super(problem);
    this.h = new double[n * n];
    this.candidate = new double[n * n];
    this.expandsAtTrials = problem.derivativesAtTrials();
    this.s = new double[n * n];
    this.solver = new StepSolver(n);
    this.secant = secant ? new SecantTerm(n) : null;
    this.reciprocal = new double[n];
    this.accelerates = problem.hasCurvatureGradient();
    this.velocity = new double[n];
    this.rhs = new double[n];
  }

  @Override
  public boolean accelerates() {
    return accelerates;
  }

  @Override
  public boolean acceleration(double[] x, double[] q, double[] a) {
    // The factor is checked before the pass over the rows that it would waste.
    if (!accelerates || !solver.stepFactored()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      velocity[i] = q[i] * reciprocal[i];
    }
    problem.curvatureGradient(x, velocity, rhs);
    for (int i = 0; i < n; i++) {
      rhs[i] *= reciprocal[i];
    }
    solver.solveAgain(rhs, a);
    return true;
  }

  @Override
  public boolean expandsAtTrials() {
    return expandsAtTrials;
  }

  @Override
  public double expandCandidate(double[] x, double[] g) {
    // Only the upper triangle is read (prepare mirrors it into s), so it is not mirrored here.
    return problem.derivatives(x, g, candidate);
  }

  @Override
  public void adoptCandidate() {
    double[] taken = candidate;
    candidate = h;
    h = taken;
  }

  /** Whether the upper triangle, all that is read of the matrix, is finite. */
  @Override
  public boolean matrixFinite() {
    // One flag instead of a branch per entry; a flag, not a sum of x·0, whose adds would wait
    // on each other.
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        finite &= Math.abs(h[i * n + j]) <= Double.MAX_VALUE;
      }
    }
    return finite;
  }

  @Override
  public @Nullable NonFiniteDerivative nonFiniteEntry() {
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        if (!Double.isFinite(h[i * n + j])) {
          return new NonFiniteDerivative(i, j, h[i * n + j]);
        }
      }
    }
    return null;
  }

  @Override
  public double diagonal(int j) {
    return h[j * n + j];
  }

  @Override
  public void prepare(double[] d, double[] b) {
    // h is symmetric, so the upper triangle, mirrored, is all there is to scale; by the
    // reciprocals of d, n divisions in all (each costs ~14 cycles of latency at this size).
    for (int i = 0; i < n; i++) {
      reciprocal[i] = 1 / d[i];
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double hij = useSecant ? h[i * n + j] + secant.get(i, j) : h[i * n + j];
        double v = hij * (reciprocal[i] * reciprocal[j]);
        s[i * n + j] = v;
        s[j * n + i] = v;
      }
    }
    solver.prepare(s, b);
  }

  @Override
  public void solve(double delta, double lambdaGuess, double[] q) {
    solver.solve(delta, lambdaGuess, q);
  }

  @Override
  public double lambda() {
    return solver.lambda();
  }

  @Override
  public boolean unshiftedFailed() {
    return solver.unshiftedFailed();
  }

  @Override
  public double curvature(double[] q) {
    return Dense.quadratic(s, q, n);
  }

  @Override
  public boolean hasSecant() {
    return secant != null;
  }

  @Override
  public void secantUpdate(double[] step, double[] gradientChange) {
    secant.update(step, gradientChange, h);
  }

  @Override
  public double secantCurvature(double[] q) {
    // wᵀAw with w = D⁻¹q: the diagonal, then each pair off it once, doubled.
    double diagonal = 0;
    double off = 0;
    for (int i = 0; i < n; i++) {
      double wi = q[i] * reciprocal[i];
      double row = 0;
      for (int j = i + 1; j < n; j++) {
        row += secant.get(i, j) * (q[j] * reciprocal[j]);
      }
      diagonal += secant.get(i, i) * wi * wi;
      off += wi * row;
    }
    return diagonal + 2 * off;
  }

  @Override
  public void useSecant(boolean on) {
    useSecant = on;
  }

  @Override
  public boolean usesSecant() {
    return useSecant;
  }
}
