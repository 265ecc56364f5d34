package org.symgrad.runtime.optim.lsq;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Expanding at trial points (the problem's derivative pass values the trial, so a taken step
 * needs no second pass there) must change how many passes a fit runs and nothing else: the
 * same steps, the same bits, the same counts and stop reason.
 */
class TrialExpansionTest {
  @Test
  void levenbergMarquardtTakesTheSameStepsWithFewerPasses() {
    Counted plain = new Counted(HandProblems.rosenbrock(), false);
    Counted expanding = new Counted(HandProblems.rosenbrock(), true);
    double[] start = {-1.2, 1};

    SolverResult a = LevenbergMarquardt.minimize(plain, start, Tolerances.defaults(200));
    SolverResult b = LevenbergMarquardt.minimize(expanding, start, Tolerances.defaults(200));

    assertSame(a, b);
    // Without expansion: one derivative pass per iteration, one value pass per trial.
    assertThat(plain.derivativePasses).isEqualTo(a.iterations());
    assertThat(plain.valuePasses).isEqualTo(a.evaluations() - 1);
    // With it every taken step's point was expanded once, and never again.
    assertThat(expanding.derivativePasses).isAtLeast(b.iterations());
    assertThat(expanding.passes()).isLessThan(plain.passes());
  }

  @Test
  void newtonTakesTheSameStepsWithFewerPasses() {
    SecondOrderProblem plain = LevenbergMarquardt.halfSquares(
        new Counted(HandProblems.rosenbrock(), false));
    Counted counted = new Counted(HandProblems.rosenbrock(), true);
    SecondOrderProblem expanding = LevenbergMarquardt.halfSquares(counted);
    double[] start = {-1.2, 1};

    SolverResult a = TrustRegionNewton.minimize(plain, start, Tolerances.defaults(200));
    SolverResult b = TrustRegionNewton.minimize(expanding, start, Tolerances.defaults(200));

    assertSame(a, b);
    assertThat(counted.passes()).isLessThan(a.iterations() + a.evaluations() - 1);
  }

  @Test
  void aRefusedTrialLeavesTheModelAtTheCurrentPoint() {
    // From far out Rosenbrock's first trials overshoot the valley and are refused; had the
    // refused trial's expansion replaced the current one, the retry would step from the
    // wrong model and the paths would part.
    Counted plain = new Counted(HandProblems.rosenbrock(), false);
    Counted expanding = new Counted(HandProblems.rosenbrock(), true);
    double[] start = {-30, 40};
    Tolerances tol = new Tolerances(1e-14, 1e-14, 0, 200, 500, 100);

    SolverResult a = LevenbergMarquardt.minimize(plain, start, tol);
    SolverResult b = LevenbergMarquardt.minimize(expanding, start, tol);

    assertThat(a.evaluations()).isGreaterThan(a.iterations()); // some trial was refused
    assertSame(a, b);
  }

  private static void assertSame(SolverResult a, SolverResult b) {
    assertThat(b.params()).usingExactEquality().containsExactly(a.params()).inOrder();
    assertThat(b.value()).isEqualTo(a.value());
    assertThat(b.iterations()).isEqualTo(a.iterations());
    assertThat(b.evaluations()).isEqualTo(a.evaluations());
    assertThat(b.reason()).isEqualTo(a.reason());
    assertThat(b.dampedIterations()).isEqualTo(a.dampedIterations());
  }

  /** Counts the passes of a problem whose Σr² is the same bits from both of them. */
  private static final class Counted implements ResidualProblem {
    private final ResidualProblem inner;
    private final boolean atTrials;
    int valuePasses;
    int derivativePasses;

    Counted(ResidualProblem inner, boolean atTrials) {
      this.inner = inner;
      this.atTrials = atTrials;
    }

    int passes() {
      return valuePasses + derivativePasses;
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public int rows() {
      return inner.rows();
    }

    @Override
    public double rss(double[] x) {
      valuePasses++;
      return inner.rss(x);
    }

    @Override
    public double normalEquations(double[] x, double[] jtr, double[] jtj) {
      derivativePasses++;
      return inner.normalEquations(x, jtr, jtj);
    }

    @Override
    public boolean normalEquationsAtTrials() {
      return atTrials;
    }
  }
}
