package org.symgrad.runtime.train;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.LrScheduler;
import org.symgrad.runtime.optim.Objective;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * One fit: the state that lives while a {@link Trainer} trains, and the epoch loop.
 *
 * <p>Everything the loop writes is allocated in the constructor, the loss history included
 * (sized to the epoch budget up to {@link #PREALLOCATED_HISTORY} epochs), and handed to the
 * result without a copy when full; an epoch allocates nothing unless a listener is registered
 * (its report) or a budget beyond that size makes the history grow. What the options leave
 * out (validation, scheduler, patience, listeners, shuffles, noise) is decided once, not
 * asked each epoch, so a plain full-batch epoch is the kernel, the step and one store.
 */
final class FitRun {
  /** Epochs of history allocated up front: 512 KiB, so a huge budget cannot exhaust memory. */
  static final int PREALLOCATED_HISTORY = 1 << 16;

  private final TrainerOptions options;
  private final CompiledModel model;
  private final Optimizer optimizer;
  private final LrScheduler scheduler; // null: none
  private final Split split;
  private final EpochBatches batches;
  private final long seed;
  private final int firstEpoch;
  // Decided once per fit.
  private final boolean validating;
  private final boolean listening;
  private final int patience;
  private final boolean plainBatches; // one full batch, no noise: the same batch every epoch

  private final double[] params;
  private final double[] grad;
  private final double[] epochStart; // mini-batches only: what a divergence falls back to
  private final double[] bestParams; // with validation only
  private final Objective objective;
  // A thread count set and a model with ChunkedKernels: the chunked pass; else null, the one
  // fused loop (see TrainerOptions.chunked).
  private final ParallelObjective parallel;
  private Batch current; // the batch being stepped on, which the objective re-evaluates

  private int done;
  private double lastTrainLoss = Double.NaN;
  private int bestEpoch;
  private double bestValLoss = Double.POSITIVE_INFINITY;

  private double[] trainHistory;
  private double[] valHistory; // null without validation
  private int recorded;

  /**
   * @param params the parameters to start from, owned by this run from now on
   * @param from the checkpoint to go on from, or null for a fresh fit
   */
  FitRun(TrainerOptions options, CompiledModel model, Optimizer optimizer, Split split,
      long seed, double[] params, TrainingCheckpoint from) {
    this.options = options;
    this.model = model;
    this.optimizer = optimizer;
    this.split = split;
    this.seed = seed;
    this.params = params;
    int n = params.length;
    grad = new double[n];
    epochStart = options.batchSize() > 0 ? new double[n] : null;
    bestParams = split.hasValidation() ? params.clone() : null;
    batches = new EpochBatches(split.train(), model.info().inputColumns().size(),
        options.batchSize(), options.inputNoise(), seed);
    validating = split.hasValidation();
    listening = !options.listeners().isEmpty();
    patience = options.patience();
    plainBatches = options.batchSize() == 0 && options.inputNoise() == 0;
    parallel = options.chunked() && model instanceof ChunkedKernels chunked
        ? new ParallelObjective(chunked, options.threads()) : null;
    objective = (at, gradient) -> lossAndGradient(at, current, gradient);

    // PyTorch's order for resuming: make the scheduler over the fresh optimizer, then load
    // the optimizer's state, then the scheduler's.
    scheduler = options.scheduler() == null ? null : Objects.requireNonNull(
        options.scheduler().apply(optimizer), "the scheduler factory returned null");
    if (from != null) {
      optimizer.restore(from.optimizerState());
      if (scheduler != null && !from.schedulerState().isEmpty()) {
        scheduler.restore(from.schedulerState());
      }
      optimizer.setLearningRate(from.learningRate());
      done = from.epoch();
      lastTrainLoss = from.lastTrainLoss();
      bestEpoch = from.bestEpoch();
      bestValLoss = from.bestValLoss();
      if (bestParams != null) {
        System.arraycopy(from.bestParams(), 0, bestParams, 0, n);
      }
    }
    firstEpoch = done + 1;
    trainHistory = new double[Math.min(options.epochs(), PREALLOCATED_HISTORY)];
    valHistory = validating ? new double[trainHistory.length] : null;
    if (plainBatches) {
      current = batches.get(0); // the batch of every epoch
    }
  }

  private double lossAndGradient(double[] at, Batch batch, double[] gradient) {
    return parallel != null ? parallel.lossAndGradient(at, batch, gradient)
        : model.lossAndGradient(at, batch, gradient);
  }

  TrainingResult run() {
    boolean onlySteps = plainBatches && !validating && scheduler == null && patience == 0
        && !listening && trainHistory.length >= options.epochs();
    return onlySteps ? steps() : epochs();
  }

  /**
   * {@link #epochs} for a fit that only steps: plain batches, no validation, scheduler,
   * patience or listeners, and a history with room for every epoch. It does what that loop
   * does for such a fit, in the same order, with the state in locals until the end, so an
   * epoch is the kernel, the step and one store, like a hand-written loop.
   */
  private TrainingResult steps() {
    double[] p = params;
    double[] g = grad;
    Batch batch = current;
    double[] history = trainHistory;
    int budget = options.epochs();
    double last = lastTrainLoss;
    Divergence divergence = null;
    int k = 0;
    for (; k < budget; k++) {
      double loss = lossAndGradient(p, batch, g);
      if (!Double.isFinite(loss)) {
        divergence = new Divergence(firstEpoch + k, loss, Double.isNaN(last) ? null : last);
        break;
      }
      optimizer.step(p, loss, g, objective);
      last = 0.0 + loss; // trainPlain's loss, to the bit
      history[recorded + k] = last;
    }
    done += k;
    recorded += k;
    lastTrainLoss = last;
    return finish(divergence == null ? StopReason.COMPLETED : StopReason.DIVERGED, divergence);
  }

  private TrainingResult epochs() {
    int lastEpoch = done + options.epochs();
    StopReason reason = StopReason.COMPLETED;
    Divergence divergence = null;
    for (int epoch = firstEpoch; epoch <= lastEpoch; epoch++) {
      double lr = listening ? optimizer.learningRate() : Double.NaN; // reports only
      double trainLoss = plainBatches ? trainPlain() : train(epoch);
      if (!Double.isFinite(trainLoss)) {
        reason = StopReason.DIVERGED;
        divergence = new Divergence(
            epoch, trainLoss, Double.isNaN(lastTrainLoss) ? null : lastTrainLoss);
        break;
      }
      done = epoch;
      lastTrainLoss = trainLoss;

      // The no_grad pass: model.loss reads params and writes nothing.
      double valLoss = validating ? model.loss(params, split.validation()) : Double.NaN;
      record(trainLoss, valLoss);
      if (valLoss < bestValLoss) { // never for NaN, so never without validation
        bestValLoss = valLoss;
        bestEpoch = epoch;
        System.arraycopy(params, 0, bestParams, 0, params.length);
      }
      if (scheduler != null) {
        scheduler.step(validating ? valLoss : trainLoss);
      }
      boolean stop = patience > 0 && epoch - bestEpoch >= patience;
      if (listening) {
        report(epoch, stop ? epoch : lastEpoch, trainLoss, valLoss, lr);
      }
      if (stop) {
        reason = StopReason.EARLY_STOPPING;
        break;
      }
    }
    return finish(reason, divergence);
  }

  /**
   * {@link #train} for plain batches: one step on the unchanging full batch. Nothing to undo
   * on divergence, since the step is not taken.
   */
  private double trainPlain() {
    double loss = lossAndGradient(params, current, grad);
    if (!Double.isFinite(loss)) {
      return loss;
    }
    optimizer.step(params, loss, grad, objective);
    return 0.0 + loss; // train's (0 + loss) / 1, to the bit: -0 becomes +0
  }

  /**
   * Runs epoch {@code epoch}'s steps and returns its training loss. When that loss is not
   * finite the parameters are left as the epoch found them and the caller stops.
   */
  private double train(int epoch) {
    batches.beginEpoch(epoch);
    if (epochStart != null) {
      System.arraycopy(params, 0, epochStart, 0, params.length);
    }
    int count = batches.count();
    double sum = 0;
    for (int k = 0; k < count; k++) {
      current = batches.get(k);
      double loss = lossAndGradient(params, current, grad);
      if (!Double.isFinite(loss)) {
        undoEpoch();
        return loss;
      }
      optimizer.step(params, loss, grad, objective);
      sum += loss;
    }
    double mean = sum / count; // exactly the loss for a full batch
    if (!Double.isFinite(mean)) { // finite mini-batch losses whose sum overflowed
      undoEpoch();
    }
    return mean;
  }

  /**
   * Puts back the parameters the epoch started from. A full batch diverges before its only
   * step, so there is nothing to undo; mini-batches may have stepped already. The optimizer's
   * own state is not rolled back: a diverged run is over.
   */
  private void undoEpoch() {
    if (epochStart != null) {
      System.arraycopy(epochStart, 0, params, 0, params.length);
    }
  }

  private void record(double trainLoss, double valLoss) {
    if (recorded == trainHistory.length) {
      int capacity = (int) Math.min((long) recorded * 2, options.epochs());
      trainHistory = Arrays.copyOf(trainHistory, capacity);
      valHistory = valHistory == null ? null : Arrays.copyOf(valHistory, capacity);
    }
    trainHistory[recorded] = trainLoss;
    if (valHistory != null) {
      valHistory[recorded] = valLoss;
    }
    recorded++;
  }

  private void report(int epoch, int lastEpoch, double trainLoss, double valLoss, double lr) {
    boolean log = epoch <= 3 || epoch % options.logEvery() == 0 || epoch == lastEpoch;
    EpochReport report = new EpochReport(epoch, lastEpoch, trainLoss,
        validating ? valLoss : null, lr, log,
        options.reportParameters() ? params.clone() : null);
    for (EpochListener listener : options.listeners()) {
      listener.onEpoch(report);
    }
  }

  private TrainingResult finish(StopReason reason, Divergence divergence) {
    // The checkpoint holds the live parameters, so that going on from it is exact even after
    // early stopping, whose result returns the best ones instead.
    TrainingCheckpoint checkpoint = new TrainingCheckpoint(seed, done, split.rows(),
        split.validationRows().length, params, optimizer.state(), optimizer.learningRate(),
        scheduler == null ? Map.of() : scheduler.state(), lastTrainLoss, bestEpoch,
        bestValLoss, bestParams == null ? new double[0] : bestParams);
    if (reason == StopReason.EARLY_STOPPING) {
      System.arraycopy(bestParams, 0, params, 0, params.length);
    }
    double trainLoss = model.loss(params, split.train());
    Double valLoss = split.hasValidation() ? model.loss(params, split.validation()) : null;
    History history = History.adopt(firstEpoch, trimmed(trainHistory),
        valHistory == null ? null : trimmed(valHistory));
    return new TrainingResult(params, trainLoss, valLoss, done, reason, divergence,
        validating ? bestEpoch : null, history, checkpoint);
  }

  // The recorded part of a history array: the array itself when the fit ran its whole budget.
  private double[] trimmed(double[] history) {
    return recorded == history.length ? history : Arrays.copyOf(history, recorded);
  }
}
