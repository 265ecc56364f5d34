package org.symgrad.spark;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SecondOrderProblem;

/**
 * {@code lm} and {@code newton} over all rows of a DataFrame: the solver runs on the driver,
 * and every value, {@code JᵀJ}, {@code Jᵀr} or Hessian it asks for is one Spark job that sums
 * each cached chunk of rows alone and gathers the chunks' sums with {@code treeAggregate},
 * which the driver adds in chunk order ({@link ChunkSums}). So the sums, and with them every
 * step, are the same bits for every partitioning of the same rows; they equal the single-JVM
 * solver's sums (one running sum over all rows) to rounding, and to the bit for one chunk.
 *
 * <p>A chunk's least-squares sums are those of {@link CompiledResiduals} over the chunk's rows;
 * the objective and its gradient are the chunked kernels' sums ({@link Evaluator}); the Hessian
 * sums the Hessian kernel's rows, divides by the row count and adds the penalty's part, as
 * {@code CompiledObjective} does.
 */
final class DataParallelSecondOrder {
  private final JavaRDD<ChunkBlock> blocks;
  private final Evaluator evaluator;
  private final String text;
  private final String source;
  private final int rows;
  private final int size;

  /** @param blocks the cached chunks of all rows, none held out */
  DataParallelSecondOrder(JavaRDD<ChunkBlock> blocks, Evaluator evaluator, String text,
      String source, int rows, int size) {
    this.blocks = blocks;
    this.evaluator = evaluator;
    this.text = text;
    this.source = source;
    this.rows = rows;
    this.size = size;
  }

  /** The problem of {@link SecondOrderFit#solve}: residuals when {@code leastSquares}. */
  SecondOrderFit.Problem problem(boolean leastSquares, boolean newton) {
    return new SecondOrderFit.Problem(leastSquares ? residuals() : null,
        newton ? objective() : null, this::loss);
  }

  /** The model's loss at {@code x}, as {@code train_loss} reports it. */
  double loss(double[] x) {
    return evaluator.at(x, new double[size], false).trainLoss();
  }

  private ResidualProblem residuals() {
    return new ResidualProblem() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public int rows() {
        return rows;
      }

      @Override
      public double rss(double[] x) {
        return sum(1, rssOf(text, source, x.clone()))[0];
      }

      @Override
      public double normalEquations(double[] x, double[] jtr, double[] jtj) {
        double[] totals = sum(1 + size + size * size,
            normalEquationsOf(text, source, x.clone(), size));
        System.arraycopy(totals, 1, jtr, 0, size);
        System.arraycopy(totals, 1 + size, jtj, 0, size * size);
        return totals[0];
      }
    };
  }

  private SecondOrderProblem objective() {
    int entries = size * (size + 1) / 2;
    return new SecondOrderProblem() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public double value(double[] x) {
        return loss(x);
      }

      @Override
      public double derivatives(double[] x, double[] gradient, double[] hessian) {
        double value = evaluator.at(x, gradient, false).trainLoss();
        double[] totals = sum(2 * entries, hessianRows(text, source, x.clone(), entries));
        Arrays.fill(hessian, 0, size * size, 0);
        int e = 0;
        for (int i = 0; i < size; i++) {
          for (int j = i; j < size; j++, e++) {
            hessian[i * size + j] = totals[e] / rows + totals[entries + e];
          }
        }
        return value;
      }
    };
  }

  /** One job: every chunk's {@code perChunk} sums, added in chunk order. */
  private double[] sum(int width, Function<ChunkBlock, double[]> perChunk) {
    ChunkSums sums = blocks.treeAggregate(new ChunkSums(ChunkBlocks.chunks(rows), 0),
        (acc, block) -> acc.put(block, perChunk.call(block)), ChunkSums::merge, 2);
    return sums.trainTotals(width);
  }

  // The per-chunk functions are static, so that they capture only what they name: the model
  // as its text, and the point.

  private static Function<ChunkBlock, double[]> rssOf(String text, String source, double[] x) {
    return block -> new double[] {residuals(text, source, block).rss(x)};
  }

  private static Function<ChunkBlock, double[]> normalEquationsOf(String text, String source,
      double[] x, int size) {
    return block -> {
      double[] jtr = new double[size];
      double[] jtj = new double[size * size];
      double rss = residuals(text, source, block).normalEquations(x, jtr, jtj);
      double[] out = new double[1 + size + size * size];
      out[0] = rss;
      System.arraycopy(jtr, 0, out, 1, size);
      System.arraycopy(jtj, 0, out, 1 + size, size * size);
      return out;
    };
  }

  /**
   * Per chunk: the sum of its rows' Hessian entries (upper triangle), then the penalty's
   * entries from chunk 0 only (zeros elsewhere), so that the chunk-order total holds the
   * penalty once.
   */
  private static Function<ChunkBlock, double[]> hessianRows(String text, String source,
      double[] x, int entries) {
    return block -> {
      CompiledModel hessian = ExecutorModels.hessian(text, source);
      double[] out = new double[block.rows() * 2 * entries];
      hessian.predict(x, Batch.of(block.columns(), block.rows()), out);
      double[] sums = new double[2 * entries];
      for (int row = 0; row < block.rows(); row++) {
        int base = row * 2 * entries;
        for (int e = 0; e < entries; e++) {
          sums[e] += out[base + e];
        }
      }
      if (block.chunk() == 0) {
        System.arraycopy(out, entries, sums, entries, entries);
      }
      return sums;
    };
  }

  private static CompiledResiduals residuals(String text, String source, ChunkBlock block) {
    return new CompiledResiduals(ExecutorModels.get(text, source),
        ExecutorModels.jacobian(text, source), Batch.of(block.columns(), block.rows()));
  }
}
