package org.symgrad.bench;

import java.util.List;
import java.util.Random;
import org.symgrad.runtime.Dataset;

/**
 * Synthetic thermometer readings of any size, so the thermometer model runs unchanged at
 * N = 10⁴ and 10⁶: {@code t_u} uniform in [20, 90), {@code t_c = 5/9 (t_u - 32)} plus unit
 * Gaussian noise. Seeded, so every run and every fork measures the same numbers.
 */
public final class LinearData {
  /** The seed of every synthetic data set in the benchmarks. */
  public static final long SEED = 42;

  private LinearData() {}

  /** {@code rows} readings drawn with {@link #SEED}. */
  public static Dataset of(int rows) {
    Random random = new Random(SEED);
    double[] tu = new double[rows];
    double[] tc = new double[rows];
    for (int r = 0; r < rows; r++) {
      tu[r] = 20 + 70 * random.nextDouble();
      tc[r] = 5.0 / 9.0 * (tu[r] - 32) + random.nextGaussian();
    }
    return new Dataset(List.of("t_u", "t_c"), new double[][] {tu, tc});
  }

  /**
   * The data of a benchmark's {@code rows} parameter: the book's 11 readings for 11, synthetic
   * readings otherwise.
   */
  public static Dataset forRows(int rows) {
    return rows == 11 ? Thermometer.data() : of(rows);
  }
}
