package org.symgrad.runtime.optim;

import java.util.Map;

/**
 * The objectives of {@code make_reference.py}, written by hand so these tests need nothing but
 * the runtime: loss and gradient in the order torch's autograd computes them, d loss / d t_p_i
 * = (1 / n) * (2 * (t_p_i - t_c_i)). Only the order of the sums differs (torch's reductions are
 * vectorised), which moves the last bit and nothing more.
 */
final class Problems {
  private Problems() {}

  static final double[] T_U = {35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4};
  static final double[] T_C = {0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0};
  static final double[] T_UN = scaled(0.1, T_U);

  /** A problem: where its parameters start, and its objective. */
  record Problem(double[] start, Objective objective) {}

  static final Map<String, Problem> ALL =
      Map.of(
          "thermometer", new Problem(new double[] {1.0, 0.0}, Problems::thermometer),
          "thermometer_raw", new Problem(new double[] {1.0, 0.0}, Problems::thermometerRaw),
          "relu_offsets",
          new Problem(new double[] {1.0, 0.0, 0.5, -1.0}, Problems::reluOffsets),
          "rosenbrock", new Problem(new double[] {-1.2, 1.0}, Problems::rosenbrock));

  static Problem named(String name) {
    Problem problem = ALL.get(name);
    if (problem == null) {
      throw new IllegalArgumentException("no problem named " + name);
    }
    return problem;
  }

  /** t_p = w * (0.1 * t_u) + b, mean squared error. */
  static double thermometer(double[] p, double[] grad) {
    return linear(p, grad, T_UN, 0, 0);
  }

  /** The book's unnormalised t_p = w * t_u + b. */
  static double thermometerRaw(double[] p, double[] grad) {
    return linear(p, grad, T_U, 0, 0);
  }

  /** t_p = w * (0.1 * t_u) + b - relu(c) + relu(d): c's and d's gradients can be exactly 0. */
  static double reluOffsets(double[] p, double[] grad) {
    double reluC = Math.max(p[2], 0);
    double reluD = Math.max(p[3], 0);
    double loss = linear(p, grad, T_UN, reluC, reluD);
    double sumOfGradients = grad[1]; // d loss / d b
    grad[2] = p[2] > 0 ? -sumOfGradients : 0;
    grad[3] = p[3] > 0 ? sumOfGradients : 0;
    return loss;
  }

  /**
   * (1 - x)^2 + 100 (y - x^2)^2, with the gradient autograd builds: each factor's derivative
   * as torch's pow and sub backward produce it.
   */
  static double rosenbrock(double[] p, double[] grad) {
    double a = 1 - p[0];
    double b = p[1] - p[0] * p[0];
    double gradB = 100 * (2 * b);
    grad[0] = -(2 * a) + -gradB * (2 * p[0]);
    grad[1] = gradB;
    return a * a + 100 * (b * b);
  }

  private static double linear(double[] p, double[] grad, double[] x, double minus, double plus) {
    int n = x.length;
    double sum = 0;
    double gradW = 0;
    double gradB = 0;
    for (int i = 0; i < n; i++) {
      double predicted = p[0] * x[i] + p[1] - minus + plus;
      double diff = predicted - T_C[i];
      sum += diff * diff;
      double g = (1.0 / n) * (2 * diff);
      gradW += g * x[i];
      gradB += g;
    }
    grad[0] = gradW;
    grad[1] = gradB;
    return sum / n;
  }

  private static double[] scaled(double factor, double[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = factor * values[i];
    }
    return result;
  }
}
