package org.symgrad.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.symgrad.runtime.parallel.ParallelObjective;
import scala.Tuple2;

/**
 * The rows of a data-parallel fit cut into {@link ChunkBlock}s at fixed chunk boundaries of
 * the training and the validation rows, cached on the executors for every epoch.
 *
 * <p>Rows are numbered in input order ({@code zipWithIndex}); row {@code i} is a validation
 * row when it is among the trainer's held-out indices, otherwise it is training row {@code i
 * - (validation rows before i)}, which is its place in the trainer's training batch. Each
 * input partition holds consecutive rows, so it yields whole chunks and, at its two ends, at
 * most one piece per part of a chunk that it shares with its neighbours (a small partition
 * may hold only the middle of a chunk); {@code groupByKey} brings a chunk's pieces together,
 * in whatever order, and {@link ChunkBlock#join} puts them in row order. After that each
 * block is one whole chunk, whatever the partitioning.
 */
final class ChunkBlocks {
  static final int CHUNK_ROWS = ParallelObjective.CHUNK_ROWS;

  private ChunkBlocks() {}

  /**
   * The cached blocks of {@code rows} ({@code width} columns, the model's, as doubles, checked,
   * in input order), of which the sorted {@code validationRows} are held out.
   */
  static JavaRDD<ChunkBlock> of(JavaRDD<Row> rows, int width, Broadcast<int[]> validationRows) {
    JavaPairRDD<Long, ChunkBlock> pieces = rows.zipWithIndex()
        .mapPartitionsToPair(part -> pieces(part, validationRows.value(), width).iterator());
    JavaRDD<ChunkBlock> blocks = pieces
        .groupByKey(rows.getNumPartitions())
        .map(chunk -> ChunkBlock.join(chunk._2()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    blocks.count(); // materialise once, so that epochs only read
    return blocks;
  }

  /** The number of chunks {@code rows} rows make; no rows make none. */
  static int chunks(long rows) {
    return (int) ((rows + CHUNK_ROWS - 1) / CHUNK_ROWS);
  }

  private static List<Tuple2<Long, ChunkBlock>> pieces(Iterator<Tuple2<Row, Long>> rows,
      int[] validation, int width) {
    List<Tuple2<Long, ChunkBlock>> out = new ArrayList<>();
    Piece train = new Piece(false, width, out);
    Piece held = new Piece(true, width, out);
    int nextHeld = -1; // index into validation of the first held-out row at or after the row
    while (rows.hasNext()) {
      Tuple2<Row, Long> next = rows.next();
      long index = next._2();
      if (nextHeld < 0) {
        int found = Arrays.binarySearch(validation, (int) index);
        nextHeld = found >= 0 ? found : -found - 1;
      }
      boolean isHeld = nextHeld < validation.length && validation[nextHeld] == index;
      if (isHeld) {
        held.add(next._1(), nextHeld);
        nextHeld++;
      } else {
        train.add(next._1(), index - nextHeld);
      }
    }
    train.flush();
    held.flush();
    return out;
  }

  /** The open piece of one part: consecutive rows of one chunk, emitted when it ends. */
  private static final class Piece {
    private final boolean validation;
    private final int width;
    private final List<Tuple2<Long, ChunkBlock>> out;
    private int chunk = -1;
    private int offset;
    private double[][] columns;
    private int size;

    Piece(boolean validation, int width, List<Tuple2<Long, ChunkBlock>> out) {
      this.validation = validation;
      this.width = width;
      this.out = out;
    }

    void add(Row row, long position) {
      int rowChunk = (int) (position / CHUNK_ROWS);
      if (rowChunk != chunk) {
        flush();
        chunk = rowChunk;
        offset = (int) (position % CHUNK_ROWS);
        columns = new double[width][CHUNK_ROWS - offset];
        size = 0;
      }
      for (int c = 0; c < width; c++) {
        columns[c][size] = row.getDouble(c);
      }
      size++;
    }

    void flush() {
      if (chunk < 0 || size == 0) {
        return;
      }
      double[][] trimmed = new double[width][];
      for (int c = 0; c < width; c++) {
        trimmed[c] = Arrays.copyOf(columns[c], size);
      }
      ChunkBlock block = new ChunkBlock(validation, chunk, offset, trimmed);
      out.add(new Tuple2<>(block.key(), block));
      chunk = -1;
    }
  }
}
