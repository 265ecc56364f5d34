package org.symgrad.spark;

import org.apache.spark.api.java.JavaRDD;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The objective over the cached blocks at one point: one Spark job that sums every chunk
 * (training chunks always, validation chunks when asked), then the chunk-order totals and
 * the kernels' finishing step on the driver.
 */
final class Evaluator {
  /** The training loss (its gradient written to the caller's array) and validation loss. */
  record Point(double trainLoss, double validationLoss) {}

  private final JavaRDD<ChunkBlock> blocks;
  private final ChunkedKernels kernels;
  private final String modelText;
  private final String sourceName;
  private final int trainRows;
  private final int validationRows;

  Evaluator(JavaRDD<ChunkBlock> blocks, ChunkedKernels kernels, String modelText,
      String sourceName, int trainRows, int validationRows) {
    this.blocks = blocks;
    this.kernels = kernels;
    this.modelText = modelText;
    this.sourceName = sourceName;
    this.trainRows = trainRows;
    this.validationRows = validationRows;
  }

  int validationRows() {
    return validationRows;
  }

  /**
   * The objective at {@code params}: writes the training gradient to {@code grad}; the
   * validation loss is NaN unless {@code withValidation}.
   */
  Point at(double[] params, double[] grad, boolean withValidation) {
    double[] point = params.clone(); // the closure's copy; the optimizer may reuse its array
    String text = modelText;
    String source = sourceName;
    ChunkSums sums = blocks.treeAggregate(
        new ChunkSums(ChunkBlocks.chunks(trainRows), ChunkBlocks.chunks(validationRows)),
        (acc, block) -> block.validation() && !withValidation ? acc
            : acc.add(block, (ChunkedKernels) ExecutorModels.get(text, source), point),
        ChunkSums::merge, 2);
    double trainLoss = kernels.finish(params, sums.trainTotals(kernels.sumCount()), trainRows,
        grad);
    double validationLoss = withValidation
        ? kernels.finish(params, sums.validationTotals(kernels.sumCount()), validationRows,
            new double[grad.length])
        : Double.NaN;
    return new Point(trainLoss, validationLoss);
  }
}
