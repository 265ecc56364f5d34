package org.symgrad.runtime.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.LrScheduler;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerState;

/**
 * Everything a fit needs to go on exactly where another stopped: {@link Trainer#resume} from
 * the checkpoint of an N-epoch fit, for M epochs, gives the same bits as one N+M-epoch fit
 * (same parameters, losses, history, optimizer and scheduler state).
 *
 * <p>The random streams need no saved state: the split is drawn from {@code seed} and each
 * epoch's shuffle and noise from {@code (seed, epoch)}. The row counts are kept so that
 * resuming on other data, or with another validation fraction, is refused rather than letting
 * validation rows leak into training.
 *
 * <p>Immutable: arrays are copied in and out. Equality is a record's, so arrays compare by
 * identity; compare the components to compare checkpoints.
 *
 * @param seed the run's seed; a resumed fit uses this one, not its options'
 * @param epoch the number of epochs whose update was applied, in all fits of the run so far
 * @param rows the data's row count
 * @param validationRows how many of them were held out for validation
 * @param params the parameters to go on from: the last epoch's, which after early stopping
 *     are not the best ones the fit returned
 * @param optimizerState the optimizer's state after the last applied epoch
 * @param learningRate the optimizer's learning rate then, set again after restoring its state
 *     so that a scheduler's last change survives whatever the optimizer's state holds
 * @param schedulerState the scheduler's counters, empty without a scheduler
 * @param lastTrainLoss the last applied epoch's training loss, NaN when none was applied
 * @param bestEpoch the epoch after which the validation loss was lowest so far (0: the
 *     starting parameters, or there is no validation set)
 * @param bestValLoss that validation loss; +infinity when none was finite or there is none
 * @param bestParams the parameters after {@code bestEpoch}; empty without a validation set
 * @param parameterNames the declared names of the parameters of the model the checkpoint is
 *     for ({@link ModelInfo#parameterNames()}), which {@link Trainer#resume} matches against
 *     the model it goes on with; empty when not known (a checkpoint made with the shorter
 *     constructor), and then only the parameter count is checked
 */
public record TrainingCheckpoint(
    long seed,
    int epoch,
    int rows,
    int validationRows,
    double[] params,
    OptimizerState optimizerState,
    double learningRate,
    Map<String, Double> schedulerState,
    double lastTrainLoss,
    int bestEpoch,
    double bestValLoss,
    double[] bestParams,
    List<String> parameterNames) {

  /** A checkpoint that does not name its model's parameters: resuming checks their count. */
  public TrainingCheckpoint(long seed, int epoch, int rows, int validationRows, double[] params,
      OptimizerState optimizerState, double learningRate, Map<String, Double> schedulerState,
      double lastTrainLoss, int bestEpoch, double bestValLoss, double[] bestParams) {
    this(seed, epoch, rows, validationRows, params, optimizerState, learningRate, schedulerState,
        lastTrainLoss, bestEpoch, bestValLoss, bestParams, List.of());
  }

  public TrainingCheckpoint {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(optimizerState, "optimizerState");
    Objects.requireNonNull(schedulerState, "schedulerState");
    Objects.requireNonNull(bestParams, "bestParams");
    parameterNames = List.copyOf(Objects.requireNonNull(parameterNames, "parameterNames"));
    if (epoch < 0) {
      throw new IllegalArgumentException("checkpoint epoch " + epoch + " is negative");
    }
    if (rows < 1 || validationRows < 0 || validationRows >= rows) {
      throw new IllegalArgumentException(
          "checkpoint of " + rows + " rows with " + validationRows + " for validation");
    }
    if (bestEpoch < 0 || bestEpoch > epoch) {
      throw new IllegalArgumentException(
          "checkpoint best epoch " + bestEpoch + " is not in 0.." + epoch);
    }
    int expected = validationRows == 0 ? 0 : params.length;
    if (bestParams.length != expected) {
      throw new IllegalArgumentException("checkpoint of " + params.length + " parameters has "
          + bestParams.length + " best parameters, expected " + expected);
    }
    params = params.clone();
    bestParams = bestParams.clone();
    schedulerState = Collections.unmodifiableMap(new LinkedHashMap<>(schedulerState));
  }

  /** The parameters to go on from (a copy). */
  @Override
  public double[] params() {
    return params.clone();
  }

  /** The best parameters so far (a copy); empty without a validation set. */
  @Override
  public double[] bestParams() {
    return bestParams.clone();
  }

  /**
   * Puts this checkpoint's optimizer and scheduler state into a fresh {@code optimizer} and
   * the {@code scheduler} made over it (or null), in PyTorch's order for resuming: the
   * optimizer's state, then the scheduler's, then the learning rate the run had reached.
   */
  public void restoreInto(Optimizer optimizer, @Nullable LrScheduler scheduler) {
    optimizer.restore(optimizerState);
    if (scheduler != null && !schedulerState.isEmpty()) {
      scheduler.restore(schedulerState);
    }
    optimizer.setLearningRate(learningRate);
  }

  /** Whether the run holds rows out for validation. */
  public boolean hasValidation() {
    return validationRows > 0;
  }

  @Override
  public String toString() {
    return "TrainingCheckpoint[seed " + seed + ", epoch " + epoch + ", " + rows + " rows ("
        + validationRows + " validation), params " + Arrays.toString(params) + ", "
        + optimizerState.optimizer() + " lr " + learningRate + ", best epoch " + bestEpoch + "]";
  }
}
