package org.symgrad.runtime.optim.lsq;

/**
 * The trust-region loop that {@link LevenbergMarquardt} and {@link TrustRegionNewton} share:
 * MINPACK {@code lmder}'s outer and inner iterations (Moré 1978), on a quadratic model given by
 * a gradient and a symmetric matrix. Scaling {@code D} starts at the square roots of the
 * matrix's diagonal (the column norms of {@code J} for least squares) and never decreases;
 * the radius {@code Δ} bounds {@code ‖D p‖}; a step is taken when it reduces the objective by
 * at least 1e-4 of what the model predicted.
 */
final class TrustRegion {
  private static final double EPS = Math.ulp(1.0);
  // Transtrum and Sethna's bound on 2‖Da‖/‖Dv‖, GSL's avmax: a larger acceleration means the
  // step is too long for its second-order correction to be trusted.
  private static final double MAX_ACCELERATION = 0.75;
  // The most parameters for which the trials after a refusal are expanded too, not only
  // valued. Refusals come in runs (a curved valley), where such a trial costs the expansion's
  // extra over valuing; but each of them that is taken saves a value pass, and on the NIST
  // runs they are taken more often than not. The extra is the p(p+1)/2 sums of JᵀJ a row,
  // which up to 5 parameters cost about what the model does (the expansion ~2× the value
  // pass: Chwirut2, Misra1a, Eckerle4, MGH09), and beyond it several times more (Thurber,
  // 7 parameters: ~9×, where expanding them all took ~8 % longer a fit).
  private static final int EXPAND_AFTER_REFUSAL_LIMIT = 5;

  private TrustRegion() {}

  static SolverResult minimize(SecondOrderProblem problem, double[] start, Tolerances tol,
      boolean leastSquares) {
    return minimize(new DenseModel(problem, leastSquares), start, tol, leastSquares);
  }

  static SolverResult minimize(LocalModel problem, double[] start, Tolerances tol,
      boolean leastSquares) {
    int n = problem.size();
    if (start.length != n) {
      throw new IllegalArgumentException(start.length + " starting values for " + n
          + " parameters");
    }
    double[] x = start.clone();
    double[] g = new double[n];
    double[] gTrial = new double[n];
    double[] b = new double[n];
    double[] q = new double[n];
    double[] d = new double[n];
    double[] trial = new double[n];
    double[] acceleration = new double[n];
    double[] work = new double[n];
    double[] columns = new double[n]; // the matrix's column norms, √|H_jj|
    double[] step = new double[n]; // the last step's start, then the step
    double[] gradientChange = new double[n]; // the gradient there, then its change
    int evaluations = 0;
    int iterations = 0;
    int damped = 0;
    double f = Double.NaN;
    double par = 0;
    double delta = 0;
    double xNorm = 0;
    boolean first = true;
    boolean expandsAtTrials = problem.expandsAtTrials();
    boolean expandsAfterRefusals = expandsAtTrials && n <= EXPAND_AFTER_REFUSAL_LIMIT;
    boolean expanded = false; // the last step's trial was expanded: x's model is taken
    boolean refused = false; // the last iteration refused a trial
    // Geodesic acceleration is tried once the region stalls: the last two steps taken were
    // bound by the radius and their ratios did not grow it (the curved valley that Lanczos3
    // from start 1 crawled for 70 iterations); then it goes on while accelerated steps are
    // taken. Tried at every step, it also bends long early steps (MGH09 from start 1 then
    // leaves for b2 → -∞); after one stalled step, it costs short fits passes that save no
    // iteration (Eckerle4 and Thurber from start 1). NistPasses counted each rule.
    boolean stalled = false; // the last step taken was bound by the radius and did not grow it
    boolean stalledBefore = false; // and the one before
    boolean lastAccelerated = false; // the last step taken was accelerated

    while (true) {
      if (iterations >= tol.maxIterations()) {
        if (first) {
          f = problem.value(x);
          evaluations++;
        }
        return result(x, f, iterations, evaluations, Convergence.ITERATIONS, damped);
      }
      if (!expanded) {
        f = problem.expand(x, g);
      }
      expanded = false;
      iterations++;
      if (first) {
        evaluations++;
        if (!Double.isFinite(f)) {
          return result(x, f, iterations, evaluations, Convergence.NOT_FINITE, damped);
        }
      }
      int badGradient = firstNonFinite(g, n);
      if (badGradient >= 0 || !problem.matrixFinite()) {
        // Not the objective, which is finite here: name the derivative that is not.
        NonFiniteDerivative bad = badGradient >= 0
            ? NonFiniteDerivative.gradient(badGradient, g[badGradient])
            : problem.nonFiniteEntry();
        return new SolverResult(x, f, iterations, evaluations,
            Convergence.NOT_FINITE_DERIVATIVES, damped, bad);
      }
      if (first) {
        for (int j = 0; j < n; j++) {
          double c = Math.sqrt(Math.abs(problem.diagonal(j)));
          d[j] = c == 0 ? 1 : c;
        }
        xNorm = Dense.scaledNorm(d, x, n, work);
        delta = xNorm == 0 ? tol.factor() : tol.factor() * xNorm;
      }
      if (!first && problem.hasSecant()) {
        for (int j = 0; j < n; j++) {
          step[j] = x[j] - step[j];
          gradientChange[j] = g[j] - gradientChange[j];
        }
        problem.secantUpdate(step, gradientChange);
      }
      for (int j = 0; j < n; j++) { // one square root a column for both uses below
        columns[j] = Math.sqrt(Math.abs(problem.diagonal(j)));
      }
      double gNorm = gradientNorm(g, columns, f, n, leastSquares);
      if (gNorm <= tol.gtol()) {
        return result(x, f, iterations, evaluations, Convergence.GTOL, damped);
      }
      for (int j = 0; j < n; j++) {
        d[j] = Math.max(d[j], columns[j]);
      }
      for (int i = 0; i < n; i++) {
        b[i] = g[i] / d[i];
      }
      boolean dampedHere = false;
      problem.prepare(d, b);
      boolean refusedHere = false;
      while (true) {
        // The first trial of an iteration is usually taken, so where expanding costs little
        // more than valuing, it is expanded at once and a taken step needs no second pass.
        // After a refusal, here or in the last iteration, only up to the limit above.
        boolean expandTrial = expandsAtTrials
            && (expandsAfterRefusals || !(refused || refusedHere));
        problem.solve(delta, par, q);
        par = problem.lambda();
        boolean undamped = par == 0; // the model's own minimiser, inside the region
        dampedHere |= problem.unshiftedFailed();
        double pNorm = Dense.norm(q, n);
        if (first) {
          delta = Math.min(delta, pNorm);
        }
        // The predicted reduction, the ratio and the radius stay the velocity q's, as in GSL's
        // lmaccel: the acceleration corrects the path's curvature that the model leaves out.
        boolean accelerated = (stalled && stalledBefore || lastAccelerated)
            && problem.accelerates()
            && problem.acceleration(x, q, acceleration)
            && 2 * Dense.norm(acceleration, n) <= MAX_ACCELERATION * pNorm;
        for (int j = 0; j < n; j++) {
          trial[j] = x[j] + (accelerated ? q[j] + 0.5 * acceleration[j] : q[j]) / d[j];
        }
        double f1 = expandTrial ? problem.expandCandidate(trial, gTrial) : problem.value(trial);
        evaluations++;
        double scale = leastSquares ? f : Math.max(Math.abs(f), Double.MIN_NORMAL);
        double slope = Dense.dot(b, q, n);
        double predicted = -(slope + 0.5 * problem.curvature(q)) / scale;
        double dirder = slope / scale;
        boolean blewUp = !Double.isFinite(f1) || (leastSquares && f1 > 100 * f);
        double actual = blewUp ? -1 : (f - f1) / scale;
        // A step the model itself does not call a reduction is never taken: rounding in a
        // singular S can make the solver's step point uphill, and then a rise in f over a
        // predicted rise would look like agreement.
        double ratio = predicted > 0 ? actual / predicted : 0;
        if (ratio <= 0.25) {
          double temp = actual >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actual);
          if (blewUp || !(temp >= 0.1)) {
            temp = 0.1;
          }
          delta = temp * Math.min(delta, pNorm / 0.1);
          par = par / temp;
        } else if (par == 0 || ratio >= 0.75) {
          delta = pNorm / 0.5;
          par = 0.5 * par;
        }
        boolean accepted = ratio >= 1e-4;
        // Near the minimum a step's gain falls below the objective's rounding: the values can
        // no longer judge it, and a refused last step leaves the fit ~√ε short in the
        // parameters (where newton's dense and CG paths stopped apart, at 1e-8). The gradient
        // still can: such a step is taken when it shrinks the scaled gradient.
        double flat = Math.max(tol.ftol(), EPS);
        boolean belowRounding = Math.abs(actual) <= flat && predicted > 0 && predicted <= flat;
        if (!accepted && !blewUp && belowRounding) {
          if (!expandTrial) {
            problem.expandCandidate(trial, gTrial);
            expandTrial = true;
          }
          accepted = scaledGradientSquare(gTrial, d, n) < scaledGradientSquare(g, d, n);
        }
        if (accepted) {
          if (problem.hasSecant()) {
            chooseModel(problem, q, actual, predicted, scale);
            for (int j = 0; j < n; j++) { // loops: arraycopy's set-up costs more at this size
              step[j] = x[j];
              gradientChange[j] = g[j];
            }
          }
          System.arraycopy(trial, 0, x, 0, n);
          f = f1;
          xNorm = Dense.scaledNorm(d, x, n, work);
          if (expandTrial) {
            problem.adoptCandidate();
            double[] taken = gTrial;
            gTrial = g;
            g = taken;
            expanded = true;
          }
        }
        boolean ftolMet = Math.abs(actual) <= tol.ftol() && predicted <= tol.ftol()
            && 0.5 * ratio <= 1;
        // The model's own minimum promises less than ftol and the trial did not lower f: f is
        // at its rounding floor, where lmder refuses ever shorter steps until xtol says stop
        // (Thurber from start 2: 7 passes, Lanczos3 from start 1: 9). x is kept.
        ftolMet |= !accepted && undamped && predicted <= tol.ftol() && actual <= 0;
        boolean xtolMet = delta <= tol.xtol() * xNorm;
        if (ftolMet || xtolMet) {
          Convergence reason = ftolMet && xtolMet ? Convergence.FTOL_XTOL
              : ftolMet ? Convergence.FTOL : Convergence.XTOL;
          return result(x, f, iterations, evaluations, reason, damped + (dampedHere ? 1 : 0));
        }
        if (evaluations >= tol.maxEvaluations()) {
          return result(x, f, iterations, evaluations, Convergence.EVALUATIONS,
              damped + (dampedHere ? 1 : 0));
        }
        if ((Math.abs(actual) <= EPS && predicted <= EPS && 0.5 * ratio <= 1)
            || delta <= EPS * xNorm || gNorm <= EPS) {
          return result(x, f, iterations, evaluations, Convergence.PRECISION,
              damped + (dampedHere ? 1 : 0));
        }
        if (accepted) {
          stalledBefore = stalled;
          stalled = !undamped && ratio < 0.75;
          lastAccelerated = accelerated;
          break;
        }
        refusedHere = true;
      }
      refused = refusedHere;
      damped += dampedHere ? 1 : 0;
      first = false;
    }
  }

  // NL2SOL's choice of model: the next iterations use the one, Gauss–Newton's or Gauss–Newton's
  // with the secant term, that predicted the reduction of the step just taken better.
  private static void chooseModel(LocalModel problem, double[] q, double actual,
      double predicted, double scale) {
    double secantPart = 0.5 * problem.secantCurvature(q) / scale;
    double other = problem.usesSecant() ? predicted + secantPart : predicted - secantPart;
    if (Math.abs(actual - other) < Math.abs(actual - predicted)) {
      problem.useSecant(!problem.usesSecant());
    }
  }

  // For least squares MINPACK's gnorm: the largest cosine between r and a column of J,
  // |(Jᵀr)_j| / (‖J_j‖ ‖r‖), with ‖r‖² = 2f and ‖J_j‖ = √(JᵀJ)_jj in columns. Otherwise the
  // gradient's largest entry, relative to the objective's size.
  private static double gradientNorm(double[] g, double[] columns, double f, int n,
      boolean leastSquares) {
    double largest = 0;
    double residualNorm = Math.sqrt(2 * f);
    for (int j = 0; j < n; j++) {
      if (leastSquares) {
        double column = columns[j];
        if (column != 0 && f != 0) {
          largest = Math.max(largest, Math.abs(g[j]) / (column * residualNorm));
        }
      } else {
        largest = Math.max(largest, Math.abs(g[j]) / Math.max(1, Math.abs(f)));
      }
    }
    return largest;
  }

  // ‖D⁻¹g‖², the gradient in the scaled variables the steps are taken in.
  private static double scaledGradientSquare(double[] g, double[] d, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = g[i] / d[i];
      s += v * v;
    }
    return s;
  }

  // The index of the first entry that is not finite, or -1.
  private static int firstNonFinite(double[] a, int n) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(a[i])) {
        return i;
      }
    }
    return -1;
  }

  private static SolverResult result(double[] x, double f, int iterations, int evaluations,
      Convergence reason, int damped) {
    return new SolverResult(x, f, iterations, evaluations, reason, damped);
  }
}
