package org.symgrad.runtime.optim.lsq;

/**
 * The part of the Hessian of {@code ½Σr²} that Gauss–Newton leaves out, {@code Σ rᵢ∇²rᵢ},
 * estimated from the steps taken, as NL2SOL does (Dennis, Gay and Welsch 1981): after a step
 * {@code s} with gradient change {@code y}, the estimate {@code A} is sized down towards what
 * the step saw and then moved by the symmetric secant update that makes {@code (JᵀJ + A)s = y}
 * with {@code JᵀJ} at the new point. On a large-residual problem Gauss–Newton converges only
 * linearly (Thurber: each step 1.7× too long, the error shrinking by 0.67 an iteration); the
 * solver uses {@code JᵀJ + A} while it predicts the objective better than {@code JᵀJ}.
 */
final class SecantTerm {
  private final int n;
  private final double[] a;
  private final double[] as;
  private final double[] z;

  SecantTerm(int n) {
    this.n = n;
    this.a = new double[n * n];
    this.as = new double[n];
    this.z = new double[n];
  }

  /** Entry (i, j) of the estimate; symmetric, zero until the first update. */
  double get(int i, int j) {
    return a[i * n + j];
  }

  /**
   * Takes the step {@code s} and the gradient change {@code y} it made, with {@code h} the
   * Gauss–Newton matrix at the new point (its upper triangle is read).
   */
  void update(double[] s, double[] y, double[] h) {
    stepProducts(s, y, h);
    double ys = 0;
    double sAs = 0;
    double sYSharp = 0;
    double yy = 0;
    double ss = 0;
    for (int k = 0; k < n; k++) {
      ys += y[k] * s[k];
      sAs += s[k] * as[k];
      sYSharp += s[k] * z[k];
      yy += y[k] * y[k];
      ss += s[k] * s[k];
    }
    // The update's metric is y: a step along which the objective did not curve up gives no
    // safe update, so the estimate stays as it was.
    if (!(ys > 1e-10 * Math.sqrt(yy * ss))) {
      return;
    }
    // NL2SOL's sizing: never more curvature along s than the step itself showed.
    double size = sAs == 0 ? 1 : Math.min(1, Math.abs(sYSharp / sAs));
    double zs = 0;
    for (int i = 0; i < n; i++) {
      as[i] *= size;
      z[i] -= as[i];
      zs += z[i] * s[i];
    }
    double inverse = 1 / ys; // one division: each is ~14 cycles of latency at this size
    double c = zs * inverse * inverse;
    // One flag, not a test per entry; a flag, not a sum of v·0, whose adds would wait on each
    // other.
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      double zi = z[i] * inverse;
      double yi = y[i] * inverse;
      double cyi = c * y[i];
      for (int j = i; j < n; j++) { // symmetric: the upper triangle, mirrored
        double v = size * a[i * n + j] + (zi * y[j] + yi * z[j]) - cyi * y[j];
        a[i * n + j] = v;
        a[j * n + i] = v;
        finite &= Math.abs(v) <= Double.MAX_VALUE;
      }
    }
    if (!finite) {
      java.util.Arrays.fill(a, 0.0); // rounding overflowed: start again from Gauss–Newton
    }
  }

  // as = A s and z = y - H s (y#, the change the Gauss–Newton matrix does not explain), two
  // rows at a time: four independent sums in flight instead of two, each adding the same
  // products in the same order as a row alone (the same bits). At a few parameters these
  // short sums wait on the adder's latency, not on its throughput.
  private void stepProducts(double[] s, double[] y, double[] h) {
    int i = 0;
    for (; i + 1 < n; i += 2) {
      int next = i + 1;
      double hs = 0;
      double hsNext = 0;
      for (int j = 0; j < i; j++) { // only h's upper triangle is current: by columns here
        hs += h[j * n + i] * s[j];
        hsNext += h[j * n + next] * s[j];
      }
      hs += h[i * n + i] * s[i];
      hsNext += h[i * n + next] * s[i];
      for (int j = next; j < n; j++) {
        hs += h[i * n + j] * s[j];
        hsNext += h[next * n + j] * s[j];
      }
      double row = 0;
      double rowNext = 0;
      for (int j = 0; j < n; j++) {
        row += a[i * n + j] * s[j];
        rowNext += a[next * n + j] * s[j];
      }
      as[i] = row;
      as[next] = rowNext;
      z[i] = y[i] - hs;
      z[next] = y[next] - hsNext;
    }
    if (i < n) { // the last row of an odd count
      double hs = 0;
      double row = 0;
      for (int j = 0; j < i; j++) {
        hs += h[j * n + i] * s[j];
      }
      hs += h[i * n + i] * s[i]; // i = n - 1: the upper triangle's only entry in this row
      for (int j = 0; j < n; j++) {
        row += a[i * n + j] * s[j];
      }
      as[i] = row;
      z[i] = y[i] - hs;
    }
  }
}
