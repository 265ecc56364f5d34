package org.symgrad.runtime.train;

import java.util.Random;
import org.symgrad.runtime.Batch;

/**
 * The training batches of each epoch: the whole training set, or its rows shuffled and cut
 * into mini-batches, with the inputs optionally blurred by Gaussian noise.
 *
 * <p>Every buffer is allocated here, once per fit; {@link #beginEpoch} and {@link #get} only
 * write into them. Both random streams are reseeded from (seed, epoch) at the start of each
 * epoch (see {@link Seeds}), so an epoch's batches do not depend on the epochs before it.
 *
 * <p>Not thread-safe: one instance belongs to one fit.
 */
final class EpochBatches {
  private final Batch clean;
  private final int rows;
  private final int inputs;
  private final double noise;
  private final long seed;
  private final Random random = new Random(0);

  /** Where batches read from: the clean columns, or the noisy inputs and the clean target. */
  private final double[][] source;
  private final Batch whole;

  /** Mini-batches only: the row order of the epoch, the row buffers and their two views. */
  private final int batchSize;
  private final int[] order;
  private final double[][] buffer;
  private final Batch chunk;
  private final Batch tail;

  /**
   * @param clean the training rows: the model's input columns, then its target, last
   * @param inputs how many leading columns are inputs (noise touches those only)
   * @param batchSize rows per mini-batch, or 0 for one full batch per epoch
   * @param noise the standard deviation of the input noise, 0 for none
   */
  EpochBatches(Batch clean, int inputs, int batchSize, double noise, long seed) {
    this.clean = clean;
    this.rows = clean.size();
    this.inputs = inputs;
    this.noise = noise;
    this.seed = seed;

    source = new double[clean.width()][];
    for (int c = 0; c < source.length; c++) {
      boolean noisy = noise > 0 && c < inputs;
      source[c] = noisy ? new double[rows] : clean.column(c);
    }
    whole = noise > 0 ? Batch.of(source, rows) : clean;

    this.batchSize = batchSize == 0 ? 0 : Math.min(batchSize, rows);
    if (this.batchSize == 0) {
      order = null;
      buffer = null;
      chunk = null;
      tail = null;
    } else {
      order = new int[rows];
      buffer = new double[source.length][this.batchSize];
      chunk = Batch.of(buffer, this.batchSize);
      int rest = rows % this.batchSize;
      tail = rest == 0 ? chunk : Batch.of(buffer, rest);
    }
  }

  /** Draws epoch {@code epoch}'s noise and row order. */
  void beginEpoch(int epoch) {
    if (noise > 0) {
      // Column by column, row by row: the draw order is part of what the seed means.
      random.setSeed(Seeds.derive(seed, Seeds.NOISE, epoch));
      for (int c = 0; c < inputs; c++) {
        double[] from = clean.column(c);
        double[] to = source[c];
        for (int r = 0; r < rows; r++) {
          to[r] = from[r] + noise * random.nextGaussian();
        }
      }
    }
    if (batchSize > 0) {
      // From the identity each time, so the order depends on (seed, epoch) alone.
      for (int r = 0; r < rows; r++) {
        order[r] = r;
      }
      random.setSeed(Seeds.derive(seed, Seeds.SHUFFLE, epoch));
      Split.shuffle(order, rows, random);
    }
  }

  /** The number of batches per epoch. */
  int count() {
    return batchSize == 0 ? 1 : (rows + batchSize - 1) / batchSize;
  }

  /**
   * Batch {@code k} of the current epoch. A mini-batch is copied into the shared buffer, so it
   * is valid until the next call.
   */
  Batch get(int k) {
    if (batchSize == 0) {
      return whole;
    }
    int start = k * batchSize;
    int size = Math.min(batchSize, rows - start);
    for (int c = 0; c < source.length; c++) {
      double[] from = source[c];
      double[] to = buffer[c];
      for (int i = 0; i < size; i++) {
        to[i] = from[order[start + i]];
      }
    }
    return size == batchSize ? chunk : tail;
  }
}
