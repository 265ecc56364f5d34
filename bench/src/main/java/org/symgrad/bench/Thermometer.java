package org.symgrad.bench;

import java.util.List;
import org.symgrad.runtime.Dataset;

/**
 * The problem of "Deep Learning with PyTorch", ch. 5, as the benchmarks use it: the model of
 * {@code samples/thermometer/thermometer.sg} (a test checks the copy) and its 11 readings.
 */
public final class Thermometer {
  /** {@code samples/thermometer/thermometer.sg} without its {@code data} line and comments. */
  public static final String MODEL = String.join("\n",
      "input   t_u",
      "target  t_c",
      "param   w = 1.0",
      "param   b = 0.0",
      "let     t_un = 0.1 * t_u",
      "model   w * t_un + b",
      "loss    mse",
      "");

  /** SGD's learning rate in the book's normalised fit. */
  public static final double LR = 0.01;
  /** Epochs of one fit, as in the book and the fits-per-second figure. */
  public static final int EPOCHS = 5000;

  private static final double[] T_C = {0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0,
      21.0};
  private static final double[] T_U = {35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4,
      60.4, 68.4};

  private Thermometer() {}

  /** The 11 readings, columns {@code t_u} and {@code t_c}, as in thermometer.csv. */
  public static Dataset data() {
    return new Dataset(List.of("t_u", "t_c"), new double[][] {T_U, T_C});
  }

  /** The book's starting point {@code [w, b] = [1, 0]}. */
  public static double[] start() {
    return new double[] {1.0, 0.0};
  }
}
