package org.symgrad.runtime.train;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerSpec;

/**
 * The training/validation loop of "Deep Learning with PyTorch", ch. 5 ({@code
 * training_loop}), for compiled models.
 *
 * <p>A fit splits the rows once (see {@link TrainerOptions#validationFractionFor}); then each
 * epoch
 * <ol>
 *   <li>steps the optimizer once over all training rows, or once per shuffled mini-batch,
 *       stopping before the step if the training loss is NaN or infinite;
 *   <li>evaluates the validation loss without a gradient;
 *   <li>steps the scheduler with the validation loss, or the training loss without one;
 *   <li>tells the listeners, and stops early when the validation loss has not improved for
 *       the patience.
 * </ol>
 * The result's losses are evaluated afresh at the returned parameters.
 *
 * <p>A fit also stops, before an epoch, when the training loss has converged ({@link
 * TrainerOptions#tolerance()}), its time limit has passed, or its thread has been interrupted
 * ({@link StopReason#INTERRUPTED}: the interrupt stays set, and the result holds the
 * parameters so far and a checkpoint to go on from). A full-batch fit without listeners or
 * time limit looks for the interrupt once per block of epochs that together pass over about
 * 65 536 rows (at most 1 024 epochs; every epoch from 65 536 rows on), so it stops within
 * that block. A gradient that is not finite at a finite loss stops it as a diverged loss
 * does, before the update, naming the parameter.
 *
 * <p>A run is a function of its inputs and seed: the same call gives the same bits. A trainer
 * holds only its immutable options, so it can be reused, and shared between threads; each
 * fit's state lives in that fit. The optimizer, though, belongs to one fit at a time.
 */
public final class Trainer {
  private final TrainerOptions options;

  /** A trainer with {@link TrainerOptions#defaults()}. */
  public Trainer() {
    this(TrainerOptions.defaults());
  }

  public Trainer(TrainerOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public TrainerOptions options() {
    return options;
  }

  /**
   * Fits {@code model} to {@code data} from {@code initialParams}, which are not changed.
   *
   * @param optimizer a fresh optimizer over the model's parameter array; its state changes
   * @throws IllegalArgumentException for data without rows or without the model's columns, a
   *     validation fraction that leaves a part empty, early stopping without a validation set,
   *     or parameters of the wrong length, with a message saying which
   */
  public TrainingResult fit(
      CompiledModel model, Dataset data, double[] initialParams, Optimizer optimizer) {
    return fit(model, data, initialParams, optimizer, new AtomicBoolean());
  }

  /**
   * Fits {@code model} to {@code data} from {@code initialParams} with a fresh optimizer of
   * that spec, sized for the model: {@code trainer.fit(model, data, start,
   * Optim.adam().lr(1e-2))}.
   */
  public TrainingResult fit(CompiledModel model, Dataset data, double[] initialParams,
      OptimizerSpec<?> optimizer) {
    Objects.requireNonNull(model, "model");
    return fit(model, data, initialParams, optimizer.create(model.info().parameterCount()));
  }

  /**
   * Fits {@code model} from its declared initial values (drawn with the options' seed), with a
   * fresh optimizer of that spec.
   */
  public TrainingResult fit(CompiledModel model, Dataset data, OptimizerSpec<?> optimizer) {
    Objects.requireNonNull(model, "model");
    return fit(model, data, model.info().initialParameters(options.seed()), optimizer);
  }

  /** {@link #fit}, also stopped before an epoch once {@code cancel} is raised. */
  TrainingResult fit(CompiledModel model, Dataset data, double[] initialParams,
      Optimizer optimizer, AtomicBoolean cancel) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(initialParams, "initialParams");
    Objects.requireNonNull(optimizer, "optimizer");
    checkLength(model.info(), initialParams.length, "the initial parameters have");
    Split split = split(model, data, options.seed());
    return new FitRun(options, model, optimizer, split, options.seed(), initialParams.clone(),
        null, cancel).run();
  }

  /**
   * Goes on from {@code checkpoint} for {@link TrainerOptions#epochs()} more epochs, exactly
   * as the fit that made it would have gone on. Epochs are numbered on from the checkpoint's.
   *
   * <p>The checkpoint's seed, not the options', chooses the split, the shuffles and the
   * noise; the data and the validation fraction must give the checkpoint's row counts. The
   * other options may differ (more epochs, another batch size, a new listener), at the price
   * of exactness where they change what is computed.
   *
   * @param optimizer a fresh optimizer of the checkpoint's class and hyper-parameters; its
   *     state is restored from the checkpoint, and a scheduler's too when both have one
   */
  public TrainingResult resume(
      CompiledModel model, Dataset data, TrainingCheckpoint checkpoint, Optimizer optimizer) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(optimizer, "optimizer");
    checkLength(model.info(), checkpoint.params().length, "the checkpoint has");
    List<String> names = model.info().parameterNames();
    if (!checkpoint.parameterNames().isEmpty() && !checkpoint.parameterNames().equals(names)) {
      throw new IllegalArgumentException("the checkpoint is of a model with parameters "
          + String.join(", ", checkpoint.parameterNames()) + ", but model '"
          + model.info().name() + "' has " + String.join(", ", names));
    }
    if (checkpoint.epoch() > Integer.MAX_VALUE - options.epochs()) {
      throw new IllegalArgumentException("cannot run " + options.epochs()
          + " more epochs after the checkpoint's " + checkpoint.epoch());
    }
    Split split = split(model, data, checkpoint.seed());
    if (split.rows() != checkpoint.rows()
        || split.validationRows().length != checkpoint.validationRows()) {
      throw new IllegalArgumentException("the checkpoint was made on " + checkpoint.rows()
          + " rows with " + checkpoint.validationRows() + " for validation, but this data has "
          + split.rows() + " rows and the validation fraction holds out "
          + split.validationRows().length);
    }
    return new FitRun(options, model, optimizer, split, checkpoint.seed(), checkpoint.params(),
        checkpoint, new AtomicBoolean()).run();
  }

  /** {@link #resume} with a fresh optimizer of that spec, which must be the checkpoint's. */
  public TrainingResult resume(CompiledModel model, Dataset data, TrainingCheckpoint checkpoint,
      OptimizerSpec<?> optimizer) {
    Objects.requireNonNull(model, "model");
    return resume(model, data, checkpoint,
        optimizer.create(model.info().parameterCount()));
  }

  private Split split(CompiledModel model, Dataset data, long seed) {
    double fraction = options.validationFractionFor(data.rows());
    Split split = Split.of(data, model.info(), fraction, seed, options.threads());
    if (options.patience() > 0 && !split.hasValidation()) {
      // Watching the training loss instead would restore parameters one update behind it.
      throw new IllegalArgumentException("early stopping watches the validation loss, but "
          + "there is no validation set (validation fraction " + fraction + " of "
          + data.rows() + " rows)");
    }
    return split;
  }

  private static void checkLength(ModelInfo info, int length, String what) {
    if (length != info.parameterCount()) {
      throw new IllegalArgumentException(what + " " + length + " parameter values, but model '"
          + info.name() + "' has " + info.parameterCount());
    }
  }
}
