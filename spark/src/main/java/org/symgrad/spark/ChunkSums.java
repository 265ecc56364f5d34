package org.symgrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The raw sums of every chunk, each in its own slot, gathered from the partitions by {@code
 * treeAggregate}: merging only fills slots, never adds, so the order in which Spark combines
 * partitions cannot change a bit. The driver then adds the slots in chunk order, {@code 0 + p0
 * + p1 + …}, as {@code ParallelObjective} adds its chunks' buffers, which is why the result is
 * the same for any partitioning of the same rows in the same order.
 */
final class ChunkSums implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] train; // per chunk; null until summed
  private final double[][] validation;

  ChunkSums(int trainChunks, int validationChunks) {
    train = new double[trainChunks][];
    validation = new double[validationChunks][];
  }

  /** Sums one block's rows into its chunk's slot (a block is a whole chunk). */
  ChunkSums add(ChunkBlock block, ChunkedKernels kernels, double[] params) {
    double[] sums = new double[kernels.sumCount()];
    kernels.sums(params, Batch.of(block.columns(), block.rows()), 0, block.rows(), sums);
    return put(block, sums);
  }

  /** Keeps one block's sums, whatever they are, in its chunk's slot. */
  ChunkSums put(ChunkBlock block, double[] sums) {
    double[][] slots = block.validation() ? validation : train;
    if (slots[block.chunk()] != null) {
      throw new IllegalStateException("chunk " + block.chunk() + " summed twice");
    }
    slots[block.chunk()] = sums;
    return this;
  }

  /** The union of two disjoint sets of summed chunks. */
  static ChunkSums merge(ChunkSums a, ChunkSums b) {
    fill(a.train, b.train);
    fill(a.validation, b.validation);
    return a;
  }

  /** The training rows' totals, in chunk order. */
  double[] trainTotals(int sumCount) {
    return totals(train, sumCount);
  }

  /** The validation rows' totals, in chunk order. */
  double[] validationTotals(int sumCount) {
    return totals(validation, sumCount);
  }

  private static double[] totals(double[][] slots, int sumCount) {
    double[] totals = new double[sumCount];
    for (int c = 0; c < slots.length; c++) {
      if (slots[c] == null) {
        throw new IllegalStateException("chunk " + c + " of " + slots.length + " was not summed");
      }
      for (int i = 0; i < sumCount; i++) {
        totals[i] += slots[c][i];
      }
    }
    return totals;
  }

  private static void fill(double[][] into, double[][] from) {
    for (int c = 0; c < into.length; c++) {
      if (from[c] != null) {
        if (into[c] != null) {
          throw new IllegalStateException("chunk " + c + " summed twice");
        }
        into[c] = from[c];
      }
    }
  }

  @Override
  public String toString() {
    return "ChunkSums[" + Arrays.stream(train).filter(s -> s != null).count() + "/"
        + train.length + " training chunks]";
  }
}
