package org.symgrad.runtime.train;

import java.util.List;
import org.symgrad.runtime.Dataset;

/** Data sets for the trainer's tests. */
final class TestData {
  private TestData() {}

  /** The book's thermometer readings: Celsius {@code t_c}, unknown units {@code t_u}. */
  static Dataset thermometer() {
    double[] tc = {0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0};
    double[] tu = {35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4};
    return new Dataset(List.of("t_c", "t_u"), new double[][] {tc, tu});
  }

  /** {@code rows} points near {@code y = 3x - 1}, x in [0, 2), with a little fixed wobble. */
  static Dataset line(int rows) {
    double[] x = new double[rows];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      x[r] = 2.0 * r / rows;
      y[r] = 3 * x[r] - 1 + 0.1 * Math.sin(7 * r);
    }
    return xy(x, y);
  }

  static Dataset xy(double[] x, double[] y) {
    return new Dataset(List.of("x", "y"), new double[][] {x, y});
  }
}
