package org.symgrad.runtime.train;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * (sized to the epoch budget up to {@link History#CAPACITY} epochs, beyond which it keeps
 * every second, fourth… epoch in the same arrays), and handed to the result without a copy
 * when full; an epoch allocates nothing unless a listener is registered (its report). So a
 * fit's memory does not grow with its epochs. What the options leave out (validation,
 * scheduler, patience, listeners, shuffles, noise, tolerance, time limit) is decided once, not
 * asked each epoch, so a plain full-batch epoch is the kernel, the gradient's finiteness
 * check, the step and one store.
 *
 * <p>Before each epoch the run stops if its thread was interrupted, its {@code cancel} flag
 * was raised (by {@link FitMany}) or its time limit has passed; the lean full-batch loop looks
 * at the first two before every {@link #epochsBetweenStopChecks} epochs instead.
 */
final class FitRun {
  private final TrainerOptions options;
  private final CompiledModel model;
  private final Optimizer optimizer;
  private final LrScheduler scheduler; // null: none
  private final Split split;
  private final EpochBatches batches;
  private final long seed;
  private final int firstEpoch;
  private final AtomicBoolean cancel;
  private final long deadline; // System.nanoTime(); meaningful only with a time limit
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

  private final double[] trainHistory;
  private final double[] valHistory; // null without validation
  private int recorded;
  private int stride = 1; // epochs between history entries

  private int badGradient = -1; // the element whose gradient was not finite, if any
  private double badGradientLoss;

  /**
   * @param params the parameters to start from, owned by this run from now on
   * @param from the checkpoint to go on from, or null for a fresh fit
   * @param cancel raised to stop the fit before its next epoch
   */
  FitRun(TrainerOptions options, CompiledModel model, Optimizer optimizer, Split split,
      long seed, double[] params, TrainingCheckpoint from, AtomicBoolean cancel) {
    this.options = options;
    this.cancel = cancel;
    this.deadline = options.timeLimit() == null ? 0
        : System.nanoTime() + saturatedNanos(options.timeLimit());
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
      from.restoreInto(optimizer, scheduler);
      done = from.epoch();
      lastTrainLoss = from.lastTrainLoss();
      bestEpoch = from.bestEpoch();
      bestValLoss = from.bestValLoss();
      if (bestParams != null) {
        System.arraycopy(from.bestParams(), 0, bestParams, 0, n);
      }
    }
    firstEpoch = done + 1;
    trainHistory = new double[Math.min(options.epochs(), History.CAPACITY)];
    valHistory = validating ? new double[trainHistory.length] : null;
    if (plainBatches) {
      current = batches.get(0); // the batch of every epoch
    }
  }

  private double lossAndGradient(double[] at, Batch batch, double[] gradient) {
    return parallel != null ? parallel.lossAndGradient(at, batch, gradient)
        : model.lossAndGradient(at, batch, gradient);
  }

  /**
   * The validation loss at the current parameters, nothing written. Chunked on the fit's
   * threads when its training pass is, so that pass is not left on one thread; its bits do not
   * depend on the thread count.
   */
  private double validationLoss() {
    return lossAt(split.validation());
  }

  // The loss over batch at the current parameters: chunked on the fit's threads when its
  // training pass is (the validation pass, the final losses), else the model's one loop.
  private double lossAt(Batch batch) {
    return parallel != null ? parallel.loss(params, batch) : model.loss(params, batch);
  }

  TrainingResult run() {
    boolean lean = plainBatches && scheduler == null && !listening
        && trainHistory.length >= options.epochs() && options.timeLimit() == null;
    return lean ? fullBatch() : epochs();
  }

  /**
   * {@link #epochs} for a full-batch fit without scheduler, listeners or time limit whose
   * history has room for every epoch: most fits, {@code symgrad bench}'s among them. It does
   * what that loop does for such a fit, in the same order, to the bit, with the state in locals
   * until the end, so that an epoch is what a hand-written loop does: the kernel, the
   * gradient's finiteness check, the step, one store, and with validation the validation pass,
   * one more store and the best-epoch test; patience and tolerance are one comparison each.
   * No per-epoch stride arithmetic, no boxed tolerance, no field writes, and the interrupt and
   * cancel flags are read between blocks of epochs, which took a tenth of an 11-row fit's time.
   */
  private TrainingResult fullBatch() {
    double[] p = params;
    double[] g = grad;
    Batch batch = current;
    double[] trainLosses = trainHistory;
    double[] valLosses = valHistory;
    double[] best = bestParams;
    boolean validate = validating;
    int wait = patience;
    boolean checkTolerance = options.tolerance() != null;
    double tolerance = checkTolerance ? options.tolerance() : 0;
    int budget = options.epochs();
    int first = firstEpoch;
    int base = recorded;
    double last = lastTrainLoss;
    double bestLoss = bestValLoss;
    int bestAt = bestEpoch;
    Divergence divergence = null;
    StopReason reason = StopReason.COMPLETED;
    int between = epochsBetweenStopChecks(
        batch.size() + (validate ? split.validation().size() : 0));
    int k = 0;
    epochs:
    while (k < budget) {
      if (Thread.currentThread().isInterrupted() || cancel.get()) {
        reason = StopReason.INTERRUPTED;
        break;
      }
      int end = k + Math.min(between, budget - k);
      for (; k < end; k++) {
        double loss = lossAndGradient(p, batch, g);
        int bad = Double.isFinite(loss) ? firstNonFinite(g) : -1;
        if (!Double.isFinite(loss) || bad >= 0) {
          divergence = diverged(first + k, loss, last, bad);
          reason = StopReason.DIVERGED;
          break epochs;
        }
        optimizer.step(p, loss, g, objective);
        double previous = last;
        last = 0.0 + loss; // trainPlain's loss, to the bit
        trainLosses[base + k] = last;
        int epoch = first + k;
        if (validate) {
          double val = validationLoss(); // the no_grad pass, after the update
          valLosses[base + k] = val;
          if (val < bestLoss) {
            bestLoss = val;
            bestAt = epoch;
            copy(p, best);
          }
        }
        boolean plateau = wait > 0 && epoch - bestAt >= wait;
        if (plateau || checkTolerance && converged(previous, last, tolerance)) {
          reason = plateau ? StopReason.EARLY_STOPPING : StopReason.CONVERGED;
          k++; // this epoch's update was applied: it counts
          break epochs;
        }
      }
    }
    done += k;
    recorded += k;
    lastTrainLoss = last;
    bestValLoss = bestLoss;
    bestEpoch = bestAt;
    return finish(reason, divergence);
  }

  /** {@code System.arraycopy} of a whole array, as a loop for the few parameters of most fits. */
  private static void copy(double[] from, double[] to) {
    for (int i = 0; i < from.length; i++) {
      to[i] = from[i];
    }
  }

  private TrainingResult epochs() {
    int lastEpoch = done + options.epochs();
    StopReason reason = StopReason.COMPLETED;
    Divergence divergence = null;
    for (int epoch = firstEpoch; epoch <= lastEpoch; epoch++) {
      StopReason halt = halted();
      if (halt != null) {
        reason = halt;
        break;
      }
      double lr = listening ? optimizer.learningRate() : Double.NaN; // reports only
      double trainLoss = plainBatches ? trainPlain() : train(epoch);
      if (!Double.isFinite(trainLoss) || badGradient >= 0) {
        reason = StopReason.DIVERGED;
        divergence = diverged(epoch, badGradient >= 0 ? badGradientLoss : trainLoss,
            lastTrainLoss, badGradient);
        break;
      }
      double previousLoss = lastTrainLoss;
      done = epoch;
      lastTrainLoss = trainLoss;

      // The no_grad pass: model.loss reads params and writes nothing.
      double valLoss = validating ? validationLoss() : Double.NaN;
      record(epoch, trainLoss, valLoss);
      if (valLoss < bestValLoss) { // never for NaN, so never without validation
        bestValLoss = valLoss;
        bestEpoch = epoch;
        System.arraycopy(params, 0, bestParams, 0, params.length);
      }
      if (scheduler != null) {
        scheduler.step(validating ? valLoss : trainLoss);
      }
      boolean plateau = patience > 0 && epoch - bestEpoch >= patience;
      boolean converged = converged(previousLoss, trainLoss);
      if (listening) {
        report(epoch, plateau || converged ? epoch : lastEpoch, trainLoss, valLoss, lr);
      }
      if (plateau || converged) {
        reason = plateau ? StopReason.EARLY_STOPPING : StopReason.CONVERGED;
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
    if (!Double.isFinite(loss) || gradientDiverged(loss)) {
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
      if (!Double.isFinite(loss) || gradientDiverged(loss)) {
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

  /**
   * Keeps an epoch's losses when it falls on the stride. The arrays hold every epoch of a
   * budget up to their length; when a longer fit fills them, every second entry is dropped and
   * the stride doubles, so they never grow.
   */
  private void record(int epoch, double trainLoss, double valLoss) {
    if ((epoch - firstEpoch) % stride != 0) {
      return;
    }
    if (recorded == trainHistory.length) {
      thin(trainHistory);
      if (valHistory != null) {
        thin(valHistory);
      }
      recorded = (recorded + 1) / 2;
      stride *= 2;
      if ((epoch - firstEpoch) % stride != 0) {
        return;
      }
    }
    trainHistory[recorded] = trainLoss;
    if (valHistory != null) {
      valHistory[recorded] = valLoss;
    }
    recorded++;
  }

  /** Keeps entries 0, 2, 4… at the front of {@code history}. */
  private void thin(double[] history) {
    for (int i = 0; 2 * i < recorded; i++) {
      history[i] = history[2 * i];
    }
  }

  /** Why to stop before the next epoch, or null to go on. */
  private StopReason halted() {
    if (Thread.currentThread().isInterrupted() || cancel.get()) {
      return StopReason.INTERRUPTED;
    }
    if (options.timeLimit() != null && System.nanoTime() - deadline >= 0) {
      return StopReason.TIME_LIMIT;
    }
    return null;
  }

  /** scipy's ftol test: |f_prev - f| <= tol * max(|f_prev|, |f|, 1). */
  private boolean converged(double previous, double loss) {
    Double tolerance = options.tolerance();
    return tolerance != null && converged(previous, loss, tolerance);
  }

  private static boolean converged(double previous, double loss, double tolerance) {
    return !Double.isNaN(previous) && Math.abs(previous - loss)
        <= tolerance * Math.max(Math.max(Math.abs(previous), Math.abs(loss)), 1);
  }

  /** Notes a non-finite gradient at a finite loss, which stops the fit like a NaN loss. */
  private boolean gradientDiverged(double loss) {
    int bad = firstNonFinite(grad);
    if (bad >= 0) {
      badGradient = bad;
      badGradientLoss = loss;
    }
    return bad >= 0;
  }

  /**
   * How many full-batch epochs run between two looks at the interrupt and cancel flags: as many
   * as pass over about 65 536 rows, at most 1 024, at least 1. A look is two loads and two
   * branches, a tenth of an 11-row epoch; so many epochs of a small batch take microseconds.
   */
  static int epochsBetweenStopChecks(int rows) {
    return Math.max(1, Math.min(1024, (1 << 16) / Math.max(1, rows)));
  }

  private static int firstNonFinite(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        return i;
      }
    }
    return -1;
  }

  private Divergence diverged(int epoch, double loss, double last, int badElement) {
    Double lastFinite = Double.isNaN(last) ? null : last;
    return badElement < 0 ? new Divergence(epoch, loss, lastFinite)
        : new Divergence(epoch, loss, lastFinite,
            ParameterNames.of(model.info(), badElement), grad[badElement]);
  }

  private static long saturatedNanos(java.time.Duration limit) {
    try {
      return limit.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 2; // about 146 years
    }
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
        bestValLoss, bestParams == null ? new double[0] : bestParams,
        model.info().parameterNames());
    if (reason == StopReason.EARLY_STOPPING) {
      System.arraycopy(bestParams, 0, params, 0, params.length);
    }
    // On the fit's threads, as its epochs: with more than one chunk of rows, these are the
    // chunked sums the history holds, not the one loop's.
    double trainLoss = lossAt(split.train());
    Double valLoss = split.hasValidation() ? lossAt(split.validation()) : null;
    History history = History.adopt(firstEpoch, stride, trainHistory, valHistory, recorded);
    return new TrainingResult(params, trainLoss, valLoss, done, reason, divergence,
        validating ? bestEpoch : null, history, checkpoint);
  }
}
