package org.symgrad.runtime.optim.lsq;

/**
 * What both local models do the same way: they are the size of their problem, value points
 * by it, and expand at a point by expanding a candidate there and adopting it.
 *
 * @param <P> the problem, as the model reads its derivatives
 */
abstract class ProblemModel<P extends ValuedProblem> implements LocalModel {
  final P problem;
  final int n;

  ProblemModel(P problem) {
    this.problem = problem;
    this.n = problem.size();
  }

  @Override
  public final int size() {
    return n;
  }

  @Override
  public final double value(double[] x) {
    return problem.value(x);
  }

  @Override
  public double expand(double[] x, double[] g) {
    double f = expandCandidate(x, g);
    adoptCandidate();
    return f;
  }
}
