package org.symgrad.runtime.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.optim.LrScheduler;
import org.symgrad.runtime.optim.Optimizer;

/**
 * How a {@link Trainer} trains: immutable, validated once when built, with messages a command
 * line can print as they are ("validation fraction must be in [0, 1), got 1.5").
 *
 * <pre>{@code
 * TrainerOptions options = TrainerOptions.builder()
 *     .epochs(5000).validationFraction(0.2).seed(0)
 *     .earlyStopping(50)
 *     .listener(EpochListener.logLines(System.out::println))
 *     .build();
 * }</pre>
 */
public final class TrainerOptions {
  public static final int DEFAULT_EPOCHS = 5000;
  public static final int DEFAULT_LOG_EVERY = 500;
  /** The validation fraction when none is set, for data of {@link #SMALL_DATA} rows or more. */
  public static final double DEFAULT_VALIDATION_FRACTION = 0.2;
  /** Data with fewer rows than this is not split unless asked to be. */
  public static final int SMALL_DATA = 5;

  private final int epochs;
  private final @Nullable Double validationFraction; // null: the default for the data's size
  private final long seed;
  private final int batchSize; // 0: full batch
  private final int patience; // 0: no early stopping
  private final int logEvery;
  private final double inputNoise;
  private final @Nullable Function<Optimizer, LrScheduler> scheduler; // null: none
  private final List<EpochListener> listeners;
  private final boolean reportParameters;
  private final int threads; // 0: not set, the one fused loop
  private final @Nullable Double tolerance; // null: never converged
  private final @Nullable Duration timeLimit; // null: none

  private TrainerOptions(Builder b) {
    if (b.tolerance != null && !(b.tolerance >= 0 && b.tolerance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "convergence tolerance must be finite and not negative, got " + b.tolerance);
    }
    if (b.timeLimit != null && (b.timeLimit.isNegative() || b.timeLimit.isZero())) {
      throw new IllegalArgumentException("time limit must be positive, got " + b.timeLimit);
    }
    if (b.threads != null && b.threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + b.threads);
    }
    if (b.epochs < 0) {
      throw new IllegalArgumentException("epochs must not be negative, got " + b.epochs);
    }
    if (b.validationFraction != null
        && !(b.validationFraction >= 0 && b.validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation fraction must be in [0, 1), got " + b.validationFraction);
    }
    if (b.batchSize != null && b.batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + b.batchSize);
    }
    if (b.patience != null && b.patience < 1) {
      throw new IllegalArgumentException(
          "early-stopping patience must be at least 1 epoch, got " + b.patience);
    }
    if (b.logEvery < 1) {
      throw new IllegalArgumentException(
          "the logging interval must be at least 1 epoch, got " + b.logEvery);
    }
    if (!(b.inputNoise >= 0 && b.inputNoise < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "input noise sigma must be finite and not negative, got " + b.inputNoise);
    }
    epochs = b.epochs;
    validationFraction = b.validationFraction;
    seed = b.seed;
    batchSize = b.batchSize == null ? 0 : b.batchSize;
    patience = b.patience == null ? 0 : b.patience;
    logEvery = b.logEvery;
    inputNoise = b.inputNoise;
    scheduler = b.scheduler;
    listeners = List.copyOf(b.listeners);
    reportParameters = b.reportParameters;
    threads = b.threads == null ? 0 : b.threads;
    tolerance = b.tolerance;
    timeLimit = b.timeLimit;
  }

  /** Every option at its default. */
  public static TrainerOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs;
    b.validationFraction = validationFraction;
    b.seed = seed;
    b.batchSize = batchSize == 0 ? null : batchSize;
    b.patience = patience == 0 ? null : patience;
    b.logEvery = logEvery;
    b.inputNoise = inputNoise;
    b.scheduler = scheduler;
    b.listeners.addAll(listeners);
    b.reportParameters = reportParameters;
    b.threads = threads == 0 ? null : threads;
    b.tolerance = tolerance;
    b.timeLimit = timeLimit;
    return b;
  }

  /** How many epochs a fit runs (a resumed fit: how many more), unless it stops first. */
  public int epochs() {
    return epochs;
  }

  /**
   * The validation fraction for data of {@code rows} rows: the one set, or by default {@value
   * #DEFAULT_VALIDATION_FRACTION} from {@value #SMALL_DATA} rows on and 0 below.
   */
  public double validationFractionFor(int rows) {
    if (validationFraction != null) {
      return validationFraction;
    }
    return rows >= SMALL_DATA ? DEFAULT_VALIDATION_FRACTION : 0;
  }

  /** Whether a validation fraction was set, rather than left to the default. */
  public boolean hasValidationFraction() {
    return validationFraction != null;
  }

  /** The seed of the split, the shuffles and the input noise. */
  public long seed() {
    return seed;
  }

  /** Rows per mini-batch, or 0 for full-batch training. */
  public int batchSize() {
    return batchSize;
  }

  /** Epochs without improvement before stopping, or 0 when early stopping is off. */
  public int patience() {
    return patience;
  }

  /** Epochs between log lines (besides epochs 1, 2, 3 and the last). */
  public int logEvery() {
    return logEvery;
  }

  /** The standard deviation of the Gaussian noise added to the training inputs, 0 for none. */
  public double inputNoise() {
    return inputNoise;
  }

  /** Makes each fit's scheduler for that fit's optimizer, or null for none. */
  public @Nullable Function<Optimizer, LrScheduler> scheduler() {
    return scheduler;
  }

  /** The listeners, in the order they are called. */
  public List<EpochListener> listeners() {
    return listeners;
  }

  /** Whether epoch reports carry a copy of the parameters. */
  public boolean reportParameters() {
    return reportParameters;
  }

  /** Threads for the gradient pass: the count set, or 1 when none was (see {@link #chunked}). */
  public int threads() {
    return threads == 0 ? 1 : threads;
  }

  /**
   * Whether a thread count was set, which makes the gradient pass the chunked one: a model
   * implementing {@code ChunkedKernels} is summed in fixed chunks of {@code
   * ParallelObjective.CHUNK_ROWS} rows added in chunk order, on {@link #threads()} threads,
   * and gives the same bits for every thread count, 1 included. Without a count, the pass is
   * the compiled model's one fused loop on the fit's thread: the fastest on one thread, the
   * same bits as the chunked pass for batches of up to one chunk, and equal to rounding above.
   *
   * <p>A model without {@code ChunkedKernels} (one whose kernels were split into helper
   * methods) always runs its one fused loop on the fit's thread, whatever the count: its bits
   * do not depend on the thread count either, but it is not parallel.
   */
  public boolean chunked() {
    return threads != 0;
  }

  /**
   * The relative change of the training loss at or below which a fit has converged, or null
   * when fits run on regardless (see {@link Builder#tolerance}).
   */
  public @Nullable Double tolerance() {
    return tolerance;
  }

  /** How long each fit may run, or null for no limit (see {@link Builder#timeLimit}). */
  public @Nullable Duration timeLimit() {
    return timeLimit;
  }

  @Override
  public String toString() {
    return "TrainerOptions[epochs " + epochs + ", validation fraction "
        + (validationFraction == null ? "default" : validationFraction) + ", seed " + seed
        + ", batch " + (batchSize == 0 ? "full" : batchSize) + ", patience "
        + (patience == 0 ? "off" : patience) + ", log every " + logEvery + ", input noise "
        + inputNoise + (scheduler == null ? "" : ", scheduler") + ", " + listeners.size()
        + " listeners" + (threads == 0 ? "" : ", chunked on " + threads + " threads")
        + (tolerance == null ? "" : ", tolerance " + tolerance)
        + (timeLimit == null ? "" : ", time limit " + timeLimit) + "]";
  }

  /** Collects options; {@link #build()} checks them. */
  public static final class Builder {
    private int epochs = DEFAULT_EPOCHS;
    private @Nullable Double validationFraction;
    private long seed;
    private @Nullable Integer batchSize; // null: full batch
    private @Nullable Integer patience; // null: no early stopping
    private int logEvery = DEFAULT_LOG_EVERY;
    private double inputNoise;
    private @Nullable Function<Optimizer, LrScheduler> scheduler;
    private final List<EpochListener> listeners = new ArrayList<>();
    private boolean reportParameters;
    private @Nullable Integer threads; // null: the one fused loop
    private @Nullable Double tolerance;
    private @Nullable Duration timeLimit;

    private Builder() {}

    /**
     * Stop with {@link StopReason#CONVERGED} after an epoch whose training loss differs from
     * the epoch before's by at most {@code tolerance} relative to their size: {@code |f_prev -
     * f| <= tolerance * max(|f_prev|, |f|, 1)}, the test of scipy's {@code ftol}. 0 stops
     * when the loss no longer changes at all. Off by default.
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** Back to the default: never stop for convergence. */
    public Builder noTolerance() {
      this.tolerance = null;
      return this;
    }

    /**
     * Stop each fit with {@link StopReason#TIME_LIMIT} at the end of the first epoch that
     * ends after it has run this long. The limit is per fit, so options stay reusable; no
     * limit by default. A stopped fit's checkpoint goes on from where it stopped.
     */
    public Builder timeLimit(Duration limit) {
      this.timeLimit = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** Back to the default: no time limit. */
    public Builder noTimeLimit() {
      this.timeLimit = null;
      return this;
    }

    /**
     * Threads for the gradient pass, at least 1. Setting any count, 1 included, cuts each
     * batch into chunks of a fixed size summed in a fixed order, so 1, 2 and 7 threads give
     * identical fits (see {@link TrainerOptions#chunked()}). Unset (the default), the pass is
     * the model's one fused loop, which equals the chunked fit bit for bit only while a batch
     * has at most one chunk ({@code ParallelObjective.CHUNK_ROWS} rows).
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Back to the default: no thread count, the one fused loop on the fit's thread. */
    public Builder defaultThreads() {
      this.threads = null;
      return this;
    }

    /** Epochs to run; default {@value TrainerOptions#DEFAULT_EPOCHS}. */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** The share of rows held out for validation, in [0, 1); 0 for none. */
    public Builder validationFraction(double fraction) {
      this.validationFraction = fraction;
      return this;
    }

    /** Back to the default validation fraction (see {@link #validationFractionFor}). */
    public Builder defaultValidationFraction() {
      this.validationFraction = null;
      return this;
    }

    /** The seed of the split, the shuffles and the input noise; default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Shuffled mini-batches of {@code rows} rows (the last may be smaller), at least 1. */
    public Builder batchSize(int rows) {
      this.batchSize = rows;
      return this;
    }

    /** Back to the default: one step per epoch over all training rows. */
    public Builder fullBatch() {
      this.batchSize = null;
      return this;
    }

    /**
     * Stop when the validation loss has not improved (been strictly lower than the best so
     * far) for {@code patience} epochs, and return the best parameters. The starting
     * parameters count as best until a finite validation loss beats them. Needs a validation
     * set: watching the training loss instead would restore parameters one update behind it.
     */
    public Builder earlyStopping(int patience) {
      this.patience = patience;
      return this;
    }

    /** Back to the default: run every epoch. */
    public Builder noEarlyStopping() {
      this.patience = null;
      return this;
    }

    /** Epochs between log lines; default {@value TrainerOptions#DEFAULT_LOG_EVERY}. */
    public Builder logEvery(int epochs) {
      this.logEvery = epochs;
      return this;
    }

    /** Gaussian noise of this standard deviation on the training inputs; default 0. */
    public Builder inputNoise(double sigma) {
      this.inputNoise = sigma;
      return this;
    }

    /**
     * How to make the scheduler for a fit's optimizer, e.g. {@code opt -> new StepLR(opt, 10,
     * 0.5)}; null for none. A factory rather than a scheduler, because a scheduler belongs to
     * one optimizer and one fit, while options are shared.
     */
    public Builder scheduler(@Nullable Function<Optimizer, LrScheduler> factory) {
      this.scheduler = factory;
      return this;
    }

    /** Adds a listener, called after each applied epoch. */
    public Builder listener(EpochListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Whether epoch reports carry a copy of the parameters (one array per epoch); default no. */
    public Builder reportParameters(boolean report) {
      this.reportParameters = report;
      return this;
    }

    public TrainerOptions build() {
      return new TrainerOptions(this);
    }
  }
}
