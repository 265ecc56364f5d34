package org.symgrad.runtime.optim.lsq;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** Small problems with hand-written derivatives, to test the solvers alone. */
final class HandProblems {
  private HandProblems() {}

  /** Residuals r(x) and their Jacobian J(x) (rows × size), with the normal equations summed. */
  static ResidualProblem residuals(int size, int rows, Function<double[], double[]> r,
      Function<double[], double[][]> jacobian) {
    return new ResidualProblem() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public int rows() {
        return rows;
      }

      @Override
      public double rss(double[] x) {
        double s = 0;
        for (double v : r.apply(x)) {
          s += v * v;
        }
        return s;
      }

      @Override
      public double normalEquations(double[] x, double[] jtr, double[] jtj) {
        double[] res = r.apply(x);
        double[][] j = jacobian.apply(x);
        java.util.Arrays.fill(jtr, 0);
        java.util.Arrays.fill(jtj, 0);
        double s = 0;
        for (int row = 0; row < rows; row++) {
          s += res[row] * res[row];
          for (int a = 0; a < size; a++) {
            jtr[a] += j[row][a] * res[row];
            for (int b = 0; b < size; b++) {
              jtj[a * size + b] += j[row][a] * j[row][b];
            }
          }
        }
        return s;
      }
    };
  }

  /** An objective with its gradient and Hessian written by {@code derivatives}. */
  static SecondOrderProblem objective(int size, Function<double[], Double> f,
      BiConsumer<double[], double[][]> derivatives) {
    return new SecondOrderProblem() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public double value(double[] x) {
        return f.apply(x);
      }

      @Override
      public double derivatives(double[] x, double[] gradient, double[] hessian) {
        double[][] gh = {gradient, hessian};
        derivatives.accept(x, gh);
        return f.apply(x);
      }
    };
  }

  /** Rosenbrock as residuals: 10 (x1 - x0²), 1 - x0; minimum 0 at (1, 1). */
  static ResidualProblem rosenbrock() {
    return residuals(2, 2,
        x -> new double[] {10 * (x[1] - x[0] * x[0]), 1 - x[0]},
        x -> new double[][] {{-20 * x[0], 10}, {-1, 0}});
  }
}
