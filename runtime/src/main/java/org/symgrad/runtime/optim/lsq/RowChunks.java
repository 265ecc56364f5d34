package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;

/**
 * A batch cut once into chunks of at most {@link #CHUNK} rows, each its own {@link Batch}, so
 * a kernel that writes one block of outputs per row needs a buffer of one chunk only, reused
 * on every pass: the Jacobian's and the Hessian's rows are summed chunk by chunk and never
 * stored whole.
 */
final class RowChunks {
  /** Rows per chunk: a chunk's outputs stay in the cache for models of a few parameters. */
  static final int CHUNK = 256;

  private final Batch[] chunks;

  RowChunks(Batch batch) {
    int rows = batch.size();
    int count = Math.max(1, (rows + CHUNK - 1) / CHUNK);
    chunks = new Batch[count];
    if (count == 1) {
      chunks[0] = batch;
      return;
    }
    for (int c = 0; c < count; c++) {
      int from = c * CHUNK;
      int size = Math.min(CHUNK, rows - from);
      double[][] columns = new double[batch.width()][];
      for (int k = 0; k < columns.length; k++) {
        columns[k] = java.util.Arrays.copyOfRange(batch.column(k), from, from + size);
      }
      chunks[c] = Batch.of(columns, size);
    }
  }

  int count() {
    return chunks.length;
  }

  Batch chunk(int index) {
    return chunks[index];
  }

  /** The most rows in one chunk. */
  int largest() {
    return chunks[0].size();
  }
}
