package org.symgrad.runtime.optim.lsq;

/**
 * The model on a dense symmetric matrix ({@code JᵀJ} or the exact Hessian) from a {@link
 * SecondOrderProblem}, stepped by Moré's {@link StepSolver}. Buffers are made once.
 */
final class DenseModel implements LocalModel {
  private final SecondOrderProblem problem;
  private final int n;
  private double[] h;
  private double[] candidate;
  private final boolean expandsAtTrials;
  private final double[] s;
  private final StepSolver solver;

  DenseModel(SecondOrderProblem problem) {
    this.problem = problem;
    this.n = problem.size();
    this.h = new double[n * n];
    this.candidate = new double[n * n];
    this.expandsAtTrials = problem.derivativesAtTrials();
    this.s = new double[n * n];
    this.solver = new StepSolver(n);
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public double value(double[] x) {
    return problem.value(x);
  }

  @Override
  public double expand(double[] x, double[] g) {
    double f = expandCandidate(x, g);
    adoptCandidate();
    return f;
  }

  @Override
  public boolean expandsAtTrials() {
    return expandsAtTrials;
  }

  @Override
  public double expandCandidate(double[] x, double[] g) {
    double f = problem.derivatives(x, g, candidate);
    Dense.symmetrize(candidate, n);
    return f;
  }

  @Override
  public void adoptCandidate() {
    double[] taken = candidate;
    candidate = h;
    h = taken;
  }

  @Override
  public boolean matrixFinite() {
    for (int i = 0; i < n * n; i++) {
      if (!Double.isFinite(h[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double diagonal(int j) {
    return h[j * n + j];
  }

  @Override
  public void prepare(double[] d, double[] b) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i * n + j] = h[i * n + j] / (d[i] * d[j]);
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
}
