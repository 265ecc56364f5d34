package org.symgrad.bench.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The thermometer's fused pass written by hand with the Vector API, at a fixed 256-bit species
 * (4 doubles a lane group) whatever the machine, so its sums are the same on every machine:
 * the hardware limit the compiled kernels should reach once they are vectorised.
 *
 * <p>Each row is computed with the scalar loop's operations in the scalar loop's order (no
 * fused multiply-add), so per row it is the same math; only the sums differ, being summed in
 * 8 lanes (two vectors of 4, unrolled so that two additions are in flight per sum) and then
 * reduced. Needs {@code --add-modules jdk.incubator.vector} to compile and to run.
 */
public final class VectorReference {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
  private static final int LANES = SPECIES.length();

  private VectorReference() {}

  /** The mean loss over the first {@code n} rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, double[] tu, double[] tc, int n,
      double[] grad) {
    double w = params[0];
    double b = params[1];
    DoubleVector vw = DoubleVector.broadcast(SPECIES, w);
    DoubleVector vb = DoubleVector.broadcast(SPECIES, b);
    DoubleVector tenth = DoubleVector.broadcast(SPECIES, 0.1);
    DoubleVector loss0 = DoubleVector.zero(SPECIES);
    DoubleVector loss1 = loss0;
    DoubleVector rx0 = loss0;
    DoubleVector rx1 = loss0;
    DoubleVector r0 = loss0;
    DoubleVector r1 = loss0;
    int i = 0;
    for (int bound = n - 2 * LANES; i <= bound; i += 2 * LANES) {
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, tu, i).mul(tenth);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, tu, i + LANES).mul(tenth);
      DoubleVector d0 = vw.mul(x0).add(vb).sub(DoubleVector.fromArray(SPECIES, tc, i));
      DoubleVector d1 = vw.mul(x1).add(vb).sub(DoubleVector.fromArray(SPECIES, tc, i + LANES));
      loss0 = loss0.add(d0.mul(d0));
      loss1 = loss1.add(d1.mul(d1));
      rx0 = rx0.add(d0.mul(x0));
      rx1 = rx1.add(d1.mul(x1));
      r0 = r0.add(d0);
      r1 = r1.add(d1);
    }
    double loss = loss0.add(loss1).reduceLanes(VectorOperators.ADD);
    double sumRx = rx0.add(rx1).reduceLanes(VectorOperators.ADD);
    double sumR = r0.add(r1).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) { // the last rows, fewer than 8
      double x = 0.1 * tu[i];
      double r = w * x + b - tc[i];
      loss += r * r;
      sumRx += r * x;
      sumR += r;
    }
    grad[0] = 2 * sumRx / n;
    grad[1] = 2 * sumR / n;
    return loss / n;
  }
}
