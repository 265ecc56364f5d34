package org.symgrad.spark;

import java.io.Serializable;

/**
 * Consecutive rows of one chunk of the training or the validation rows: the unit that
 * partitions sum. Chunk {@code c} of a part holds its rows {@code [c * CHUNK_ROWS, (c + 1) *
 * CHUNK_ROWS)}, counted in input order, exactly as {@code ParallelObjective} cuts a batch; a
 * block starts at {@code offset} within its chunk. Pieces of one chunk that two input
 * partitions hold are {@link #merge merged} into one block before any sum is taken.
 *
 * @param validation whether the rows are validation rows
 * @param chunk the chunk's index within its part
 * @param offset the first row's place within the chunk
 * @param columns the model's columns (inputs, then target), each of the block's rows
 */
record ChunkBlock(boolean validation, int chunk, int offset, double[][] columns)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  int rows() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  /** The key that brings the pieces of one chunk together. */
  long key() {
    return (validation ? 1L << 32 : 0L) | chunk;
  }

  /** Two adjacent pieces of one chunk as one block, in row order. */
  static ChunkBlock merge(ChunkBlock a, ChunkBlock b) {
    ChunkBlock first = a.offset() <= b.offset() ? a : b;
    ChunkBlock second = first == a ? b : a;
    if (first.offset() + first.rows() != second.offset()) {
      throw new IllegalStateException("chunk " + a.chunk() + ": pieces at " + first.offset()
          + "+" + first.rows() + " and " + second.offset() + " are not adjacent");
    }
    double[][] joined = new double[first.columns().length][];
    for (int c = 0; c < joined.length; c++) {
      joined[c] = new double[first.rows() + second.rows()];
      System.arraycopy(first.columns()[c], 0, joined[c], 0, first.rows());
      System.arraycopy(second.columns()[c], 0, joined[c], first.rows(), second.rows());
    }
    return new ChunkBlock(first.validation(), first.chunk(), first.offset(), joined);
  }
}
