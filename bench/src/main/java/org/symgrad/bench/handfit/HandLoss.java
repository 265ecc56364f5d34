package org.symgrad.bench.handfit;

import org.symgrad.runtime.SumLanes;

/**
 * The thermometer's loss without a gradient, {@code mean((w * (0.1 * t_u) + b - t_c)²)}, as
 * a careful person writes a validation pass: parameters hoisted, one running sum below {@link
 * SumLanes#SHORT} rows, eight lanes from there on, added in the order every symgrad backend adds
 * rows (row {@code 8g + k} of each whole group into lane {@code k}, the last rows into lane 0,
 * the lanes in a fixed tree). So it equals the compiled model's {@code loss} to the bit (tested).
 */
public final class HandLoss {
  private HandLoss() {}

  /** The mean loss over the first {@code n} rows at {@code [w, b]}. */
  public static double loss(double w, double b, double[] tu, double[] tc, int n) {
    if (n < SumLanes.SHORT) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double r = w * (0.1 * tu[i]) + b - tc[i];
        sum += r * r;
      }
      return sum / n;
    }
    double l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
    int whole = n - n % 8;
    for (int g = 0; g < whole; g += 8) {
      double r0 = w * (0.1 * tu[g]) + b - tc[g];
      double r1 = w * (0.1 * tu[g + 1]) + b - tc[g + 1];
      double r2 = w * (0.1 * tu[g + 2]) + b - tc[g + 2];
      double r3 = w * (0.1 * tu[g + 3]) + b - tc[g + 3];
      double r4 = w * (0.1 * tu[g + 4]) + b - tc[g + 4];
      double r5 = w * (0.1 * tu[g + 5]) + b - tc[g + 5];
      double r6 = w * (0.1 * tu[g + 6]) + b - tc[g + 6];
      double r7 = w * (0.1 * tu[g + 7]) + b - tc[g + 7];
      l0 += r0 * r0;
      l1 += r1 * r1;
      l2 += r2 * r2;
      l3 += r3 * r3;
      l4 += r4 * r4;
      l5 += r5 * r5;
      l6 += r6 * r6;
      l7 += r7 * r7;
    }
    for (int i = whole; i < n; i++) {
      double r = w * (0.1 * tu[i]) + b - tc[i];
      l0 += r * r;
    }
    return (((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7))) / n;
  }
}
