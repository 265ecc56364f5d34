package org.symgrad.runtime.optim;

/**
 * The strong-Wolfe line search of {@link LBFGS}, ported from torch 1.13's {@code _strong_wolfe}
 * and {@code _cubic_interpolate} (themselves ports of Lua torch's {@code lswolfe.lua} and
 * {@code polyinterp.lua}), branch for branch, so that the same points are evaluated in the
 * same order.
 *
 * <p>torch's version rebinds tensors ({@code g_prev = g_new.clone()}) and never writes one in
 * place, so each of its variables is a buffer here and each assignment a copy: the same
 * values, without allocating per step.
 */
final class StrongWolfe {
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LS = 25;

  private final int size;
  private final double[] trial;
  private final double[] gInit;
  private final double[] gPrev;
  private final double[] gNew;
  private final double[][] bracketG;
  private final double[] bracket = new double[2];
  private final double[] bracketF = new double[2];
  private final double[] bracketGtd = new double[2];

  /** The loss at the step chosen by the last {@link #search}. */
  double loss;
  /** The step chosen by the last search. */
  double t;
  /** How many times the last search evaluated the objective. */
  int evaluations;

  StrongWolfe(int size) {
    this.size = size;
    this.trial = new double[size];
    this.gInit = new double[size];
    this.gPrev = new double[size];
    this.gNew = new double[size];
    this.bracketG = new double[][] {new double[size], new double[size]};
  }

  /**
   * Searches along {@code d} from {@code x} (left unchanged), starting at step {@code t}, where
   * the objective is {@code f} with gradient {@code g} and slope {@code gtd = g·d}. Sets
   * {@link #loss}, {@link #t} and {@link #evaluations}; writes the gradient at the chosen
   * point to {@code gradOut}.
   */
  void search(
      Objective objective,
      double[] x,
      double t,
      double[] d,
      double f,
      double[] g,
      double gtd,
      double toleranceChange,
      double[] gradOut) {
    double dNorm = Vectors.maxAbs(d);
    System.arraycopy(g, 0, gInit, 0, size);
    double fNew = evaluate(objective, x, t, d, gNew);
    int evals = 1;
    double gtdNew = Vectors.dot(gNew, d);

    // Bracket an interval containing a point satisfying the Wolfe criteria.
    double tPrev = 0;
    double fPrev = f;
    System.arraycopy(g, 0, gPrev, 0, size);
    double gtdPrev = gtd;
    boolean done = false;
    int lsIter = 0;
    while (lsIter < MAX_LS) {
      if (fNew > (f + C1 * t * gtd) || (lsIter > 1 && fNew >= fPrev)) {
        setBracket(tPrev, fPrev, gPrev, gtdPrev, t, fNew, gNew, gtdNew);
        break;
      }
      if (Math.abs(gtdNew) <= -C2 * gtd) {
        bracket[0] = t; // a one-point bracket: that point is the answer
        bracketF[0] = fNew;
        System.arraycopy(gNew, 0, bracketG[0], 0, size);
        done = true;
        break;
      }
      if (gtdNew >= 0) {
        setBracket(tPrev, fPrev, gPrev, gtdPrev, t, fNew, gNew, gtdNew);
        break;
      }
      // Interpolate, extrapolating between 1.01 and 10 times the current step.
      double minStep = t + 0.01 * (t - tPrev);
      double maxStep = t * 10;
      double tmp = t;
      t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
      tPrev = tmp;
      fPrev = fNew;
      System.arraycopy(gNew, 0, gPrev, 0, size);
      gtdPrev = gtdNew;
      fNew = evaluate(objective, x, t, d, gNew);
      evals++;
      gtdNew = Vectors.dot(gNew, d);
      lsIter++;
    }
    if (lsIter == MAX_LS) {
      // torch leaves bracket_gtd unset here; the zoom below cannot run, so it is never read.
      setBracket(0, f, gInit, Double.NaN, t, fNew, gNew, Double.NaN);
    }

    // Zoom: refine the bracket until a point satisfies the criteria.
    boolean insufficientProgress = false;
    int low = done || bracketF[0] <= bracketF[1] ? 0 : 1;
    int high = 1 - low;
    while (!done && lsIter < MAX_LS) {
      if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) {
        break; // the bracket is too small to matter
      }
      t = cubicInterpolate(
          bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
      // Too close to an end of the bracket: after a step of insufficient progress, or when
      // the interpolation lands on or past an end, move 0.1 of the bracket away from it.
      double max = Vectors.pyMax(bracket[0], bracket[1]);
      double min = Vectors.pyMin(bracket[0], bracket[1]);
      double eps = 0.1 * (max - min);
      if (Vectors.pyMin(max - t, t - min) < eps) {
        if (insufficientProgress || t >= max || t <= min) {
          t = Math.abs(t - max) < Math.abs(t - min) ? max - eps : min + eps;
          insufficientProgress = false;
        } else {
          insufficientProgress = true;
        }
      } else {
        insufficientProgress = false;
      }
      fNew = evaluate(objective, x, t, d, gNew);
      evals++;
      gtdNew = Vectors.dot(gNew, d);
      lsIter++;
      if (fNew > (f + C1 * t * gtd) || fNew >= bracketF[low]) {
        // Armijo condition not satisfied or not lower than the lowest point: new high.
        setPoint(high, t, fNew, gNew, gtdNew);
        low = bracketF[0] <= bracketF[1] ? 0 : 1;
        high = 1 - low;
      } else {
        if (Math.abs(gtdNew) <= -C2 * gtd) {
          done = true; // Wolfe conditions satisfied
        } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
          setPoint(high, bracket[low], bracketF[low], bracketG[low], bracketGtd[low]);
        }
        setPoint(low, t, fNew, gNew, gtdNew);
      }
    }
    this.t = bracket[low];
    this.loss = bracketF[low];
    this.evaluations = evals;
    System.arraycopy(bracketG[low], 0, gradOut, 0, size);
  }

  /** torch's {@code _directional_evaluate}: the objective at {@code x + t d}. */
  private double evaluate(Objective objective, double[] x, double t, double[] d, double[] grad) {
    for (int i = 0; i < size; i++) {
      trial[i] = Math.fma(t, d[i], x[i]);
    }
    return objective.evaluate(trial, grad);
  }

  private void setBracket(
      double t0, double f0, double[] g0, double gtd0, double t1, double f1, double[] g1,
      double gtd1) {
    setPoint(0, t0, f0, g0, gtd0);
    setPoint(1, t1, f1, g1, gtd1);
  }

  private void setPoint(int index, double t, double f, double[] g, double gtd) {
    bracket[index] = t;
    bracketF[index] = f;
    if (g != bracketG[index]) {
      System.arraycopy(g, 0, bracketG[index], 0, size);
    }
    bracketGtd[index] = gtd;
  }

  /** The minimiser of the cubic through two points with slopes, within the points. */
  static double cubicInterpolate(
      double x1, double f1, double g1, double x2, double f2, double g2) {
    return x1 <= x2
        ? cubicInterpolate(x1, f1, g1, x2, f2, g2, x1, x2)
        : cubicInterpolate(x1, f1, g1, x2, f2, g2, x2, x1);
  }

  /**
   * The minimiser of the cubic through {@code (x1, f1)} and {@code (x2, f2)} with slopes
   * {@code g1}, {@code g2}, clamped to the bounds; their midpoint when the cubic has none.
   */
  static double cubicInterpolate(
      double x1,
      double f1,
      double g1,
      double x2,
      double f2,
      double g2,
      double xminBound,
      double xmaxBound) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0) {
      double d2 = Math.sqrt(d2Square);
      double minPos =
          x1 <= x2
              ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
              : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
      return Vectors.pyMin(Vectors.pyMax(minPos, xminBound), xmaxBound);
    }
    return (xminBound + xmaxBound) / 2.;
  }
}
