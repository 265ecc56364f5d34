package org.symgrad.runtime.optim.lsq;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When a second-order solver stops, with MINPACK's names ({@code lmder}): {@code ftol} on the
 * relative reduction of the objective, both actual and predicted; {@code xtol} on the relative
 * size of the step; {@code gtol} on the gradient (for least squares, the largest cosine
 * between the residual and a column of {@code J}); and limits on iterations and evaluations.
 *
 * @param ftol stop when both reductions of a step are at most this, relative
 * @param xtol stop when the trust region is at most this, relative to the scaled parameters
 * @param gtol stop when the scaled gradient is at most this
 * @param maxIterations the most Jacobian (or Hessian) evaluations: {@code --epochs}
 * @param maxEvaluations the most function evaluations
 * @param factor the first trust region's radius, times the scaled starting point's norm
 */
public record Tolerances(double ftol, double xtol, double gtol, int maxIterations,
    int maxEvaluations, double factor) {

  /** Tighter than MINPACK's √ε, so the NIST problems' parameters come out to 6 digits and more. */
  public static final double DEFAULT_TOL = 1e-14;

  public Tolerances {
    check("ftol", ftol);
    check("xtol", xtol);
    check("gtol", gtol);
    if (maxIterations < 0) {
      throw new IllegalArgumentException("max iterations " + maxIterations + ": must be 0 or more");
    }
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException("max_nfev " + maxEvaluations + ": must be at least 1");
    }
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor " + factor + ": must be positive and finite");
    }
  }

  /**
   * The first trust region's radius relative to the scaled start, {@code ‖D x₀‖}: 1 as in
   * SciPy's {@code trf}, not MINPACK's 100, whose first Gauss–Newton step can throw a
   * parameter onto an asymptote that no later step leaves (BoxBOD from NIST's start 1 sends
   * {@code b2} to 110, where {@code exp(-b2 x)} and its column of {@code J} vanish).
   */
  public static final double DEFAULT_FACTOR = 1;

  /**
   * The defaults, with {@code maxIterations} as given and {@code max_nfev} {@code 2 ·
   * maxIterations + 100}, capped at the largest int.
   */
  public static Tolerances defaults(int maxIterations) {
    return new Tolerances(DEFAULT_TOL, DEFAULT_TOL, 0, maxIterations,
        defaultMaxEvaluations(maxIterations), DEFAULT_FACTOR);
  }

  // In 64 bits: in int, --epochs 1500000000 wrapped to a negative limit, which became 1 and
  // stopped the fit after its first step.
  private static int defaultMaxEvaluations(int maxIterations) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, 2L * maxIterations + 100));
  }

  /**
   * The defaults overridden by {@code options} ({@code ftol}, {@code xtol}, {@code gtol},
   * {@code max_nfev}, {@code factor}), as {@code --opt} gives them.
   *
   * @throws IllegalArgumentException naming an unknown option or a bad value
   */
  public static Tolerances parse(Map<String, String> options, int maxIterations) {
    Tolerances d = defaults(maxIterations);
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("ftol", d.ftol());
    values.put("xtol", d.xtol());
    values.put("gtol", d.gtol());
    values.put("max_nfev", (double) d.maxEvaluations());
    values.put("factor", d.factor());
    options.forEach((name, text) -> {
      String key = name.toLowerCase(Locale.ROOT);
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException("unknown option '" + name + "'; the options are "
            + String.join(", ", values.keySet()));
      }
      try {
        values.put(key, Double.parseDouble(text.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + "=" + text + ": not a number");
      }
    });
    double nfev = values.get("max_nfev");
    if (nfev != Math.rint(nfev) || nfev < 1 || nfev > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("max_nfev=" + nfev + ": must be a whole number, 1 or more");
    }
    return new Tolerances(values.get("ftol"), values.get("xtol"), values.get("gtol"),
        maxIterations, (int) nfev, values.get("factor"));
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + "=" + value + ": must be a finite number, 0 or more");
    }
  }
}
