package org.symgrad.runtime.optim.lsq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What R's {@code summary(nls)} reports after a least-squares fit: the residual sum of
 * squares, the degrees of freedom {@code n - p}, the residual standard deviation {@code s},
 * and the covariance {@code s² (JᵀJ)⁻¹} with its standard errors.
 *
 * <p>Where {@code JᵀJ} is singular, the parameters whose columns of {@code J} are (to working
 * precision) combinations of the others are not identifiable: their standard errors and
 * covariances are NaN, and {@link #problem()} names them and what they depend on, instead of
 * a covariance full of NaN or of rounding noise.
 *
 * @param rss the residual sum of squares
 * @param rows the number of residuals
 * @param dof the degrees of freedom, {@code rows - parameters}; 0, never negative, when there
 *     are fewer rows than parameters (as R's {@code lm} reports "NaN on 0 degrees of freedom")
 * @param residualSd {@code √(rss / dof)}, NaN when {@code dof} is 0
 * @param covariance row-major {@code p × p}
 * @param stderr one standard error per parameter, NaN where not identifiable
 * @param notIdentifiable the indices of the parameters that are not identifiable
 * @param problem empty, or a sentence saying what could not be estimated and why
 */
public record FitStatistics(double rss, int rows, int dof, double residualSd,
    double[] covariance, double[] stderr, List<Integer> notIdentifiable, String problem) {

  // Below this, 1 - R² of a column regressed on the others is rounding noise in JᵀJ.
  private static final double SINGULAR = 1e-12;
  // Differences of unexplained variance (of at most 1) that are rounding, not information.
  private static final double TIE = 1e-12;

  public FitStatistics {
    covariance = covariance.clone();
    stderr = stderr.clone();
    notIdentifiable = List.copyOf(notIdentifiable);
  }

  @Override
  public double[] covariance() {
    return covariance.clone();
  }

  @Override
  public double[] stderr() {
    return stderr.clone();
  }

  /**
   * The statistics from {@code JᵀJ} (row-major, at least its upper triangle) at the fitted
   * parameters; {@code names} name the parameters in messages.
   */
  public static FitStatistics of(double[] jtj, double rss, int rows, List<String> names) {
    int p = names.size();
    double[] a = Arrays.copyOf(jtj, p * p);
    Dense.symmetrize(a, p);
    // With fewer rows than parameters the fit interpolates: no freedom is left to estimate the
    // noise, and a negative count would only look like a number.
    int dof = Math.max(0, rows - p);
    double s2 = dof > 0 ? rss / dof : Double.NaN;
    double[] scale = new double[p];
    for (int i = 0; i < p; i++) {
      scale[i] = Math.sqrt(Math.max(0, a[i * p + i]));
    }
    boolean[] kept = pivotedRank(a, scale, p);
    int[] keptIndex = indicesWhere(kept, true);
    List<Integer> dropped = new ArrayList<>();
    for (int i : indicesWhere(kept, false)) {
      dropped.add(i);
    }
    double[] covariance = new double[p * p];
    Arrays.fill(covariance, Double.NaN);
    double[] stderr = new double[p];
    Arrays.fill(stderr, Double.NaN);
    int k = keptIndex.length;
    double[] c = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        int ii = keptIndex[i];
        int jj = keptIndex[j];
        c[i * k + j] = a[ii * p + jj] / (scale[ii] * scale[jj]);
      }
    }
    double[] l = new double[k * k];
    String problem = "";
    if (k > 0 && Dense.cholesky(c, 0, k, l)) {
      double[] column = new double[k];
      for (int j = 0; j < k; j++) {
        Arrays.fill(column, 0);
        column[j] = 1;
        Dense.forward(l, column, k, column);
        Dense.backward(l, column, k, column);
        for (int i = 0; i < k; i++) {
          int ii = keptIndex[i];
          int jj = keptIndex[j];
          covariance[ii * p + jj] = s2 * column[i] / (scale[ii] * scale[jj]);
        }
      }
      for (int i : keptIndex) {
        stderr[i] = Math.sqrt(covariance[i * p + i]);
      }
    }
    if (dof == 0) {
      // Every standard error is undefined, not only the unidentifiable parameters'.
      problem = "no standard errors: " + (rows == 1 ? "1 row" : rows + " rows") + " for " + p
          + " parameters " + (rows == 1 ? "leaves" : "leave") + " no degrees of freedom"
          + (dropped.isEmpty() ? "" : "; " + describe(dropped, keptIndex, a, scale, names));
    } else if (!dropped.isEmpty()) {
      problem = describe(dropped, keptIndex, a, scale, names) + " (no standard error for "
          + String.join(", ", dropped.stream().map(names::get).toList()) + ")";
    }
    return new FitStatistics(rss, rows, dof, dof > 0 ? Math.sqrt(s2) : Double.NaN,
        covariance, stderr, dropped, problem);
  }

  // Pivoted Cholesky of the correlation matrix: takes the column with the most variance not
  // yet explained, until what is left of every column is rounding noise. Columns within
  // rounding of each other (the unit diagonal at the start) go in parameter order, so which of
  // two duplicates is named does not depend on the last bits of JᵀJ.
  private static boolean[] pivotedRank(double[] a, double[] scale, int p) {
    double[] w = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        w[i * p + j] = scale[i] == 0 || scale[j] == 0 ? 0 : a[i * p + j] / (scale[i] * scale[j]);
      }
    }
    boolean[] kept = new boolean[p];
    boolean[] done = new boolean[p];
    for (int step = 0; step < p; step++) {
      int pivot = -1;
      for (int j = 0; j < p; j++) {
        if (!done[j] && (pivot < 0 || w[j * p + j] > w[pivot * p + pivot] + TIE)) {
          pivot = j;
        }
      }
      double d = w[pivot * p + pivot];
      if (!(d > SINGULAR)) {
        break;
      }
      done[pivot] = true;
      kept[pivot] = true;
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          if (!done[i] && !done[j]) {
            w[i * p + j] -= w[i * p + pivot] * w[pivot * p + j] / d;
          }
        }
      }
    }
    return kept;
  }

  private static int[] indicesWhere(boolean[] flags, boolean value) {
    int count = 0;
    for (boolean f : flags) {
      count += f == value ? 1 : 0;
    }
    int[] result = new int[count];
    int next = 0;
    for (int i = 0; i < flags.length; i++) {
      if (flags[i] == value) {
        result[next++] = i;
      }
    }
    return result;
  }

  private static String describe(List<Integer> dropped, int[] kept, double[] a, double[] scale,
      List<String> names) {
    int p = names.size();
    StringBuilder text = new StringBuilder("JᵀJ is singular: ");
    List<String> parts = new ArrayList<>();
    for (int j : dropped) {
      if (scale[j] == 0) {
        parts.add(names.get(j) + " does not change the residuals");
        continue;
      }
      // The column's best fit by the kept columns names what it duplicates.
      int k = kept.length;
      double[] c = new double[k * k];
      double[] rhs = new double[k];
      for (int r = 0; r < k; r++) {
        for (int s = 0; s < k; s++) {
          c[r * k + s] = a[kept[r] * p + kept[s]] / (scale[kept[r]] * scale[kept[s]]);
        }
        rhs[r] = a[kept[r] * p + j] / (scale[kept[r]] * scale[j]);
      }
      double[] l = new double[k * k];
      List<String> partners = new ArrayList<>();
      if (k > 0 && Dense.cholesky(c, 0, k, l)) {
        Dense.forward(l, rhs, k, rhs);
        Dense.backward(l, rhs, k, rhs);
        for (int r = 0; r < k; r++) {
          if (Math.abs(rhs[r]) > 1e-6) {
            partners.add(names.get(kept[r]));
          }
        }
      }
      parts.add(names.get(j) + (partners.isEmpty() ? " is not identifiable"
          : " is not identifiable apart from " + String.join(", ", partners)));
    }
    return text.append(String.join("; ", parts)).toString();
  }
}
