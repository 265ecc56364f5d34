package org.symgrad.bench.handfit;

import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.train.Splits;

/**
 * The thermometer's rows as a hand-written fit reads them: the training and validation parts
 * gathered once into plain arrays, each in file order. Which rows are held out is the one thing
 * taken from the runtime ({@link Splits#validationRows}), so that the hand-written fit trains on
 * the very rows a {@code Trainer} with the same fraction and seed trains on.
 *
 * @param rows the data's row count, before the split
 */
public record HandFitData(double[] trainTu, double[] trainTc, double[] valTu, double[] valTc,
    int rows) {

  /** Splits {@code data}'s columns {@code t_u} and {@code t_c} as a trainer would. */
  public static HandFitData split(Dataset data, double fraction, long seed) {
    double[] tu = data.column("t_u");
    double[] tc = data.column("t_c");
    int rows = data.rows();
    int[] held = fraction == 0 ? new int[0] : Splits.validationRows(rows, fraction, seed);
    boolean[] isHeld = new boolean[rows];
    for (int row : held) {
      isHeld[row] = true;
    }
    int trainRows = rows - held.length;
    double[] trainTu = new double[trainRows];
    double[] trainTc = new double[trainRows];
    double[] valTu = new double[held.length];
    double[] valTc = new double[held.length];
    int t = 0;
    int v = 0;
    for (int row = 0; row < rows; row++) {
      if (isHeld[row]) {
        valTu[v] = tu[row];
        valTc[v++] = tc[row];
      } else {
        trainTu[t] = tu[row];
        trainTc[t++] = tc[row];
      }
    }
    return new HandFitData(trainTu, trainTc, valTu, valTc, rows);
  }

  public int trainRows() {
    return trainTu.length;
  }

  public int validationRows() {
    return valTu.length;
  }
}
