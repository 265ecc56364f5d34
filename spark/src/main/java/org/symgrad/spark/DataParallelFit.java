package org.symgrad.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.symgrad.compiler.NewtonHessian;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.LrScheduler;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.Schedulers;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.train.Divergence;
import org.symgrad.runtime.train.Splits;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingCheckpoint;

/**
 * One model fitted to all rows of a DataFrame: the partitions compute the fused pass's raw
 * sums over their chunks of rows, {@code treeAggregate} gathers them chunk by chunk, and the
 * driver adds them in chunk order, finishes the gradient and steps the optimizer.
 *
 * <p>The epoch loop is the {@code Trainer}'s for a full batch: step on the training rows
 * (stopping before the step when the loss is not finite), evaluate the validation loss,
 * keep the best parameters, stop early after the patience. The training sums at the next
 * epoch's parameters and the validation sums at the current ones are at the same point, so
 * one Spark job computes both: one job an epoch, plus one per extra evaluation of LBFGS.
 *
 * <p>Why the bits do not depend on the partitioning: chunks are cut at fixed row counts of
 * the training rows (as {@code ParallelObjective} cuts them), each chunk is summed alone
 * ({@link ChunkBlocks}), and the driver adds the chunks' sums in chunk order ({@link
 * ChunkSums}). The training loss and gradient are therefore those of a single-JVM fit with
 * {@code --threads}; the validation and final losses are chunked sums too, where the trainer
 * sums them in one loop, so they agree to rounding.
 */
final class DataParallelFit {
  private final String modelText;
  private final String sourceName;
  private final FitSpec spec;

  DataParallelFit(String modelText, String sourceName, FitSpec spec) {
    this.modelText = modelText;
    this.sourceName = sourceName;
    this.spec = spec;
  }

  /**
   * Fits the model to {@code data}.
   *
   * @throws IllegalArgumentException for missing, non-numeric, empty or NaN columns, no rows,
   *     an impossible split, or a model without chunked kernels
   */
  SparkFitResult run(Dataset<Row> data, @Nullable TrainingCheckpoint from) {
    CompiledModel model = ExecutorModels.get(modelText, sourceName);
    ModelInfo info = model.info();
    if (!(model instanceof ChunkedKernels kernels)) {
      throw new IllegalArgumentException("model '" + info.name() + "' is too large for chunked"
          + " kernels (its kernels were split into helper methods), which the data-parallel"
          + " fit needs");
    }
    double[] start = from != null ? from.params() : spec.initialParameters(info);
    if (start.length != info.parameterCount()) {
      throw new IllegalArgumentException("the checkpoint has " + start.length
          + " parameter values, but model '" + info.name() + "' has " + info.parameterCount());
    }
    if (spec.secondOrder()) {
      if (spec.hessian() == NewtonHessian.CG) {
        throw new IllegalArgumentException("hessian=cg: newton over all rows sums the dense "
            + "Hessian across the cluster; conjugate gradients run per group (--group-by), or "
            + "use hessian=auto|dense");
      }
      SecondOrderFit.check(spec, modelText, sourceName);
    }
    List<String> columns = InputColumns.of(info, true);
    InputColumns.check(data, columns);
    long rows = checkValues(data, columns);
    TrainerOptions options = spec.trainerOptions();
    long seed = from != null ? from.seed() : options.seed(); // a checkpoint keeps its split
    double fraction = spec.secondOrder() ? 0 : options.validationFractionFor((int) rows);
    int[] held = Splits.validationRows((int) rows, fraction, seed);
    if (from != null && (from.rows() != rows || from.validationRows() != held.length)) {
      throw new IllegalArgumentException("the checkpoint was made on " + from.rows()
          + " rows with " + from.validationRows() + " for validation, but this data has "
          + rows + " rows with " + held.length + " for validation");
    }
    if (options.patience() > 0 && held.length == 0) {
      throw new IllegalArgumentException("early stopping watches the validation loss, but "
          + "there is no validation set (validation fraction " + fraction + " of " + rows
          + " rows)");
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(data.sparkSession()
        .sparkContext());
    Broadcast<int[]> heldRows = context.broadcast(held);
    JavaRDD<ChunkBlock> blocks = ChunkBlocks.of(
        data.select(InputColumns.asDoubles(columns)).javaRDD(), columns.size(), heldRows);
    try {
      Evaluator evaluator = new Evaluator(blocks, kernels, modelText, sourceName,
          (int) rows - held.length, held.length);
      if (spec.secondOrder()) {
        return secondOrder(blocks, evaluator, (int) rows, info, start);
      }
      Optimizer optimizer = spec.newOptimizer(info.parameterCount());
      // PyTorch's order, as the trainer's: the scheduler over the fresh optimizer, then the
      // optimizer's saved state, then the scheduler's.
      LrScheduler scheduler = spec.scheduler() == null ? null
          : Schedulers.fromSpec(spec.scheduler(), optimizer);
      return new Epochs(options, optimizer, scheduler, evaluator, seed, (int) rows, held.length,
          info.parameterNames()).run(start, from);
    } finally {
      blocks.unpersist(false);
      heldRows.destroy();
    }
  }

  private SparkFitResult secondOrder(JavaRDD<ChunkBlock> blocks, Evaluator evaluator, int rows,
      ModelInfo info, double[] start) {
    boolean leastSquares = SecondOrderFit.reportsStatistics(spec, modelText, sourceName);
    DataParallelSecondOrder sums = new DataParallelSecondOrder(blocks, evaluator, modelText,
        sourceName, rows, info.parameterCount());
    SecondOrderFit.Solved solved = SecondOrderFit.solve(spec,
        sums.problem(leastSquares, !spec.leastSquaresOnly()), start,
        Symgrad.parameterNames(ExecutorModels.definition(modelText, sourceName)));
    return new SparkFitResult(solved.fit().params(), solved.trainLoss(), null,
        solved.fit().iterations(), solved.fit().stopReason(), null, solved.statistics(),
        solved.error(), null);
  }

  /** Refuses empty and NaN values by column; returns the row count. */
  private static long checkValues(Dataset<Row> data, List<String> columns) {
    List<Column> counts = new ArrayList<>();
    counts.add(count(lit(1)));
    for (String name : columns) {
      Column c = InputColumns.quote(name).cast("double");
      counts.add(sum(when(c.isNull().or(isnan(c)), 1).otherwise(0)));
    }
    Row row = data.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new))
        .first();
    long rows = row.getLong(0);
    if (rows == 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    if (rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the data has " + rows + " rows; a fit takes at most "
          + Integer.MAX_VALUE);
    }
    for (int c = 0; c < columns.size(); c++) {
      long bad = row.getLong(c + 1);
      if (bad > 0) {
        throw new IllegalArgumentException("column '" + columns.get(c) + "' is empty or NaN in "
            + bad + (bad == 1 ? " row" : " rows"));
      }
    }
    return rows;
  }

  /**
   * The trainer's full-batch epoch loop over an {@link Evaluator}, with its scheduler step
   * and, from a checkpoint, its resumption ({@code FitRun}'s order and rules).
   */
  private record Epochs(TrainerOptions options, Optimizer optimizer,
      @Nullable LrScheduler scheduler, Evaluator evaluator, long seed, int rows,
      int validationRows, List<String> parameterNames) {

    SparkFitResult run(double[] start, @Nullable TrainingCheckpoint from) {
      double[] params = start.clone();
      double[] grad = new double[params.length];
      boolean validating = evaluator.validationRows() > 0;
      double[] best = params.clone();
      int bestEpoch = 0;
      double bestValLoss = Double.POSITIVE_INFINITY;
      double lastTrainLoss = Double.NaN;
      int done = 0;
      if (from != null) {
        from.restoreInto(optimizer, scheduler);
        done = from.epoch();
        lastTrainLoss = from.lastTrainLoss();
        bestEpoch = from.bestEpoch();
        bestValLoss = from.bestValLoss();
        if (validating) {
          best = from.bestParams();
        }
      }
      int firstEpoch = done + 1;
      StopReason reason = StopReason.COMPLETED;
      Divergence divergence = null;
      Evaluator.Point point = evaluator.at(params, grad, false);
      for (int epoch = firstEpoch; epoch < firstEpoch + options.epochs(); epoch++) {
        double loss = point.trainLoss();
        if (!Double.isFinite(loss)) {
          reason = StopReason.DIVERGED;
          divergence = new Divergence(epoch, loss,
              Double.isNaN(lastTrainLoss) ? null : lastTrainLoss);
          break;
        }
        optimizer.step(params, loss, grad, (at, g) -> evaluator.at(at, g, false).trainLoss());
        done = epoch;
        lastTrainLoss = 0.0 + loss; // the trainer's -0 to +0
        point = evaluator.at(params, grad, validating);
        if (point.validationLoss() < bestValLoss) { // never for NaN, so never without validation
          bestValLoss = point.validationLoss();
          bestEpoch = epoch;
          System.arraycopy(params, 0, best, 0, params.length);
        }
        if (scheduler != null) {
          scheduler.step(validating ? point.validationLoss() : lastTrainLoss);
        }
        if (options.patience() > 0 && epoch - bestEpoch >= options.patience()) {
          reason = StopReason.EARLY_STOPPING;
          break;
        }
      }
      // The live parameters, as the trainer's checkpoint holds them even after early stopping.
      TrainingCheckpoint checkpoint = new TrainingCheckpoint(seed, done, rows, validationRows,
          params, optimizer.state(), optimizer.learningRate(),
          scheduler == null ? Map.of() : scheduler.state(), lastTrainLoss, bestEpoch,
          bestValLoss, validating ? best : new double[0], parameterNames);
      if (reason == StopReason.EARLY_STOPPING) {
        System.arraycopy(best, 0, params, 0, params.length);
      }
      // The result's losses at the returned parameters, as the trainer's are: the last point
      // unless early stopping went back, or no epoch evaluated the validation rows.
      boolean current = reason != StopReason.EARLY_STOPPING
          && (done >= firstEpoch || !validating);
      Evaluator.Point last = current ? point
          : evaluator.at(params, new double[params.length], validating);
      return new SparkFitResult(params, last.trainLoss(),
          validating ? last.validationLoss() : null, done, reason, divergence, null, null,
          checkpoint);
    }
  }
}
