package org.symgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Consecutive rows of one chunk of the training or the validation rows: the unit that
 * partitions sum. Chunk {@code c} of a part holds its rows {@code [c * CHUNK_ROWS, (c + 1) *
 * CHUNK_ROWS)}, counted in input order, exactly as {@code ParallelObjective} cuts a batch; a
 * block starts at {@code offset} within its chunk. Pieces of one chunk that several input
 * partitions hold are {@link #join joined} into one block before any sum is taken.
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

  /**
   * The pieces of one chunk, in whatever order a shuffle delivers them, as one block in row
   * order.
   *
   * @throws IllegalStateException if the pieces leave a gap or overlap (a bug, not bad data)
   */
  static ChunkBlock join(Iterable<ChunkBlock> pieces) {
    List<ChunkBlock> sorted = new ArrayList<>();
    pieces.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(ChunkBlock::offset));
    ChunkBlock first = sorted.get(0);
    int rows = 0;
    for (ChunkBlock piece : sorted) {
      if (piece.offset() != first.offset() + rows) {
        throw new IllegalStateException("chunk " + first.chunk() + ": a piece at "
            + piece.offset() + " after rows " + first.offset() + ".." + (first.offset() + rows));
      }
      rows += piece.rows();
    }
    if (sorted.size() == 1) {
      return first;
    }
    double[][] joined = new double[first.columns().length][rows];
    int at = 0;
    for (ChunkBlock piece : sorted) {
      for (int c = 0; c < joined.length; c++) {
        System.arraycopy(piece.columns()[c], 0, joined[c], at, piece.rows());
      }
      at += piece.rows();
    }
    return new ChunkBlock(first.validation(), first.chunk(), first.offset(), joined);
  }
}
