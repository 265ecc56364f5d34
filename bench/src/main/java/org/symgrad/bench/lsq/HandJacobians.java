package org.symgrad.bench.lsq;

/**
 * Hand-written models and Jacobians of some NIST problems, for Hipparchus' optimizer: what a
 * user without symbolic derivatives writes.
 */
final class HandJacobians {
  private HandJacobians() {}

  static final String[] PROBLEMS =
      {"Misra1a", "Chwirut2", "DanWood", "Eckerle4", "MGH09", "Rat42", "Thurber", "Lanczos3"};

  /** Writes the model's value at x and its gradient by the parameters into {@code grad}. */
  static double valueAndGradient(String name, double[] b, double x, double[] grad) {
    switch (name) {
      case "Misra1a" -> {
        double e = Math.exp(-b[1] * x);
        grad[0] = 1 - e;
        grad[1] = b[0] * x * e;
        return b[0] * (1 - e);
      }
      case "Chwirut2" -> {
        double e = Math.exp(-b[0] * x);
        double d = b[1] + b[2] * x;
        grad[0] = -x * e / d;
        grad[1] = -e / (d * d);
        grad[2] = -x * e / (d * d);
        return e / d;
      }
      case "DanWood" -> {
        double p = Math.pow(x, b[1]);
        grad[0] = p;
        grad[1] = b[0] * p * Math.log(x);
        return b[0] * p;
      }
      case "Eckerle4" -> {
        double u = (x - b[2]) / b[1];
        double e = Math.exp(-0.5 * u * u);
        double f = b[0] / b[1] * e;
        grad[0] = e / b[1];
        grad[1] = -f / b[1] + f * u * u / b[1];
        grad[2] = f * u / b[1];
        return f;
      }
      case "MGH09" -> {
        double num = x * x + x * b[1];
        double den = x * x + x * b[2] + b[3];
        double f = b[0] * num / den;
        grad[0] = num / den;
        grad[1] = b[0] * x / den;
        grad[2] = -f * x / den;
        grad[3] = -f / den;
        return f;
      }
      case "Rat42" -> {
        double e = Math.exp(b[1] - b[2] * x);
        double d = 1 + e;
        grad[0] = 1 / d;
        grad[1] = -b[0] * e / (d * d);
        grad[2] = b[0] * x * e / (d * d);
        return b[0] / d;
      }
      case "Thurber" -> {
        double x2 = x * x;
        double x3 = x2 * x;
        double num = b[0] + b[1] * x + b[2] * x2 + b[3] * x3;
        double den = 1 + b[4] * x + b[5] * x2 + b[6] * x3;
        double f = num / den;
        grad[0] = 1 / den;
        grad[1] = x / den;
        grad[2] = x2 / den;
        grad[3] = x3 / den;
        grad[4] = -f * x / den;
        grad[5] = -f * x2 / den;
        grad[6] = -f * x3 / den;
        return f;
      }
      case "Lanczos3" -> {
        double e1 = Math.exp(-b[1] * x);
        double e2 = Math.exp(-b[3] * x);
        double e3 = Math.exp(-b[5] * x);
        grad[0] = e1;
        grad[1] = -b[0] * x * e1;
        grad[2] = e2;
        grad[3] = -b[2] * x * e2;
        grad[4] = e3;
        grad[5] = -b[4] * x * e3;
        return b[0] * e1 + b[2] * e2 + b[4] * e3;
      }
      default -> throw new IllegalArgumentException("no hand-written Jacobian for " + name);
    }
  }
}
