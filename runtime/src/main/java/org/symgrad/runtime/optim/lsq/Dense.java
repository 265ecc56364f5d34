package org.symgrad.runtime.optim.lsq;

/**
 * The few dense linear-algebra steps the second-order solvers need, on row-major {@code n × n}
 * arrays the caller owns, so nothing is allocated while a solver runs.
 */
final class Dense {
  private Dense() {}

  /**
   * Writes the lower Cholesky factor of {@code a + shift·I} into {@code l} ({@code a} is read
   * from its upper triangle and not changed). Returns false when a pivot is not safely
   * positive: {@code a + shift·I} is then treated as not positive definite.
   */
  static boolean cholesky(double[] a, double shift, int n, double[] l) {
    double largest = 0;
    for (int i = 0; i < n; i++) {
      largest = Math.max(largest, Math.abs(a[i * n + i] + shift));
    }
    // A pivot this small relative to the diagonal means the matrix is singular to working
    // precision; accepting it would turn rounding noise into a huge step.
    double tiny = largest * n * 1e-14;
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j] + shift;
      for (int k = 0; k < j; k++) {
        d -= l[j * n + k] * l[j * n + k];
      }
      if (!(d > tiny)) {
        return false;
      }
      double root = Math.sqrt(d);
      l[j * n + j] = root;
      for (int i = j + 1; i < n; i++) {
        double s = a[j * n + i]; // j < i: the upper triangle
        for (int k = 0; k < j; k++) {
          s -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = s / root;
      }
      for (int i = 0; i < j; i++) {
        l[i * n + j] = 0;
      }
    }
    return true;
  }

  /** Solves {@code L y = b} into {@code y} (may be {@code b}). */
  static void forward(double[] l, double[] b, int n, double[] y) {
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * n + k] * y[k];
      }
      y[i] = s / l[i * n + i];
    }
  }

  /** Solves {@code Lᵀ x = y} into {@code x} (may be {@code y}). */
  static void backward(double[] l, double[] y, int n, double[] x) {
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * x[k];
      }
      x[i] = s / l[i * n + i];
    }
  }

  /**
   * Writes the upper triangle packed row by row in {@code packed} from {@code offset} into
   * both triangles of the {@code n × n} matrix {@code a}, so it needs neither clearing nor
   * mirroring afterwards.
   */
  static void unpackUpper(double[] packed, int offset, double[] a, int n) {
    int e = offset;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double v = packed[e++];
        a[i * n + j] = v;
        a[j * n + i] = v;
      }
    }
  }

  /** Mirrors the upper triangle into the lower one. */
  static void symmetrize(double[] a, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        a[j * n + i] = a[i * n + j];
      }
    }
  }

  /** {@code qᵀ A q} for a symmetric {@code A} stored in full. */
  static double quadratic(double[] a, double[] q, int n) {
    // Two rows at a time: two independent sums in flight, each adding the same products in
    // the same order as its row alone, so the same bits as row by row.
    double s = 0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      double row = 0;
      double next = 0;
      for (int j = 0; j < n; j++) {
        row += a[i * n + j] * q[j];
        next += a[(i + 1) * n + j] * q[j];
      }
      s += q[i] * row;
      s += q[i + 1] * next;
    }
    if (i < n) {
      double row = 0;
      for (int j = 0; j < n; j++) {
        row += a[i * n + j] * q[j];
      }
      s += q[i] * row;
    }
    return s;
  }

  static double dot(double[] a, double[] b, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The Euclidean norm, scaled so that no square overflows or underflows. */
  static double norm(double[] a, int n) {
    double plain = 0;
    for (int i = 0; i < n; i++) {
      plain += a[i] * a[i];
    }
    // The plain sum is exact enough unless a square left the normal range; only then is
    // the slower scaled pass (one division per entry) needed.
    if (plain > 1e-290 && plain < 1e290) {
      return Math.sqrt(plain);
    }
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(a[i]));
    }
    if (scale == 0 || !Double.isFinite(scale)) {
      return scale;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = a[i] / scale;
      s += v * v;
    }
    return scale * Math.sqrt(s);
  }

  /** The norm of {@code d ∘ x}. */
  static double scaledNorm(double[] d, double[] x, int n, double[] work) {
    for (int i = 0; i < n; i++) {
      work[i] = d[i] * x[i];
    }
    return norm(work, n);
  }
}
