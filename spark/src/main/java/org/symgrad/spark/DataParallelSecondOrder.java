package org.symgrad.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.FusedObjective;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SecondOrderProblem;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * {@code lm} and {@code newton} over all rows of a DataFrame: the solver runs on the driver,
 * and every value, {@code JᵀJ}, {@code Jᵀr} or Hessian it asks for is one Spark job that sums
 * each cached chunk of rows alone and gathers the chunks' sums with {@code treeAggregate},
 * which the driver adds in chunk order ({@link ChunkSums}). So the sums, and with them every
 * step, are the same bits for every partitioning of the same rows; they equal the single-JVM
 * solver's sums (one running sum over all rows) to rounding, and to the bit for one chunk.
 *
 * <p>A chunk's sums are the raw row sums of the fused kernels {@code symgrad fit --optimizer
 * lm|newton} runs ({@code SecondOrderKernel}): {@code Σr²}, {@code Jᵀr} and {@code JᵀJ} for
 * least squares; for Newton, the row loss, its gradient and Hessian, which the kernel's finish
 * turns into the objective (mean plus penalty) once the chunks are added.
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

      // Each chunk's residuals have the geodesic kernel exactly when they are fused.
      @Override
      public boolean hasCurvature() {
        return ExecutorModels.fusesNormalEquations(text, source);
      }

      @Override
      public double curvature(double[] x, double[] v, double[] jtRvv) {
        double[] totals = sum(1 + size, curvatureOf(text, source, x.clone(), v.clone(), size));
        System.arraycopy(totals, 1, jtRvv, 0, size);
        return totals[0];
      }
    };
  }

  private SecondOrderProblem objective() {
    return FusedObjective.of(size, (x, out) -> finished(SecondOrderKernel.NEWTON, x, out),
        (x, out) -> finished(SecondOrderKernel.OBJECTIVE, x, out));
  }

  // The fused kernel's raw sums over every chunk, then its finish over all rows: its first
  // result returned, the others written to out, as FusedObjective's pass gives them.
  private double finished(SecondOrderKernel kind, double[] x, double[] out) {
    ChunkedKernels kernel = chunked(text, source, kind);
    double[] totals = sum(kernel.sumCount(), rawSums(text, source, kind, x.clone()));
    return kernel.finish(x, totals, rows, out);
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

  private static Function<ChunkBlock, double[]> curvatureOf(String text, String source,
      double[] x, double[] v, int size) {
    return block -> {
      double[] jtRvv = new double[size];
      double[] out = new double[1 + size];
      out[0] = residuals(text, source, block).curvature(x, v, jtRvv);
      System.arraycopy(jtRvv, 0, out, 1, size);
      return out;
    };
  }

  private static Function<ChunkBlock, double[]> rawSums(String text, String source,
      SecondOrderKernel kind, double[] x) {
    return block -> {
      ChunkedKernels kernel = chunked(text, source, kind);
      double[] sums = new double[kernel.sumCount()];
      kernel.sums(x, Batch.of(block.columns(), block.rows()), 0, block.rows(), sums);
      return sums;
    };
  }

  private static ChunkedKernels chunked(String text, String source, SecondOrderKernel kind) {
    CompiledModel kernel = ExecutorModels.secondOrder(text, source, kind);
    if (!(kernel instanceof ChunkedKernels chunked)) {
      throw new IllegalArgumentException(source + ": the model is too large for newton's "
          + "kernels to be summed in chunks across the cluster; fit it with --group-by or in "
          + "one JVM");
    }
    return chunked;
  }

  // One chunk's residuals through the CLI's kernels, on the executor's thread.
  private static ResidualProblem residuals(String text, String source, ChunkBlock block) {
    return ExecutorModels.residuals(text, source, Batch.of(block.columns(), block.rows()));
  }
}
