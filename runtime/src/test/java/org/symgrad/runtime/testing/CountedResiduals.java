package org.symgrad.runtime.testing;

import org.symgrad.runtime.optim.lsq.ResidualProblem;

/**
 * A least-squares problem as it is, counting the passes a solver asks of it, by kind: normal
 * equations, sum of squares alone, and the residuals' curvature (the geodesic kernel).
 */
public final class CountedResiduals implements ResidualProblem {
  private final ResidualProblem problem;
  private int normalEquations;
  private int sumsOfSquares;
  private int curvatures;

  public CountedResiduals(ResidualProblem problem) {
    this.problem = problem;
  }

  public int normalEquationsPasses() {
    return normalEquations;
  }

  public int sumOfSquaresPasses() {
    return sumsOfSquares;
  }

  public int curvaturePasses() {
    return curvatures;
  }

  @Override
  public int size() {
    return problem.size();
  }

  @Override
  public int rows() {
    return problem.rows();
  }

  @Override
  public double rss(double[] x) {
    sumsOfSquares++;
    return problem.rss(x);
  }

  @Override
  public double normalEquations(double[] x, double[] jtr, double[] jtj) {
    normalEquations++;
    return problem.normalEquations(x, jtr, jtj);
  }

  @Override
  public boolean normalEquationsAtTrials() {
    return problem.normalEquationsAtTrials();
  }

  @Override
  public boolean hasCurvature() {
    return problem.hasCurvature();
  }

  @Override
  public double curvature(double[] x, double[] v, double[] jtRvv) {
    curvatures++;
    return problem.curvature(x, v, jtRvv);
  }
}
