package org.symgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.NewtonHessian;
import org.symgrad.compiler.SecondOrderOptions;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.optim.Schedulers;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.train.TrainerOptions;

/**
 * How every fit of a Spark job trains: the fit flags of {@code symgrad fit} as one small
 * serialisable value, shipped to the executors with the model text. Each executor builds its
 * own {@link TrainerOptions} and a fresh {@link Optimizer} per fit from it.
 *
 * <pre>{@code
 * FitSpec spec = FitSpec.defaults().withOptimizer("adam").withOption("lr", "0.1").withEpochs(2000);
 * }</pre>
 *
 * <p>{@code lm} and {@code newton} are the CLI's second-order optimizers: each fit runs on all
 * its rows to the tolerances of {@code --opt ftol=… xtol=… gtol=… max_nfev=…}, {@code epochs}
 * being the iteration limit; a split, a scheduler and early stopping are refused with them,
 * as {@code symgrad fit} refuses them.
 *
 * @param optimizer a torch.optim class name, any case, or {@code lm} / {@code newton}
 * @param optimizerArguments PyTorch's argument names to values as text ({@code lr}, {@code
 *     momentum}, {@code betas}…), as {@code --opt} takes them
 * @param epochs the epoch budget (an iteration limit for second-order optimizers)
 * @param validationFraction the rows held out, or null for the CLI's default (0.2, or 0 under
 *     5 rows)
 * @param seed the seed of the split and of the parameters' initialisers
 * @param patience early-stopping patience in epochs, or null for none
 * @param scheduler a learning-rate scheduler as {@code --scheduler} takes it ({@code
 *     "StepLR:step_size=10,gamma=0.5"}), or null for none
 * @param start the parameters every fit starts from ({@code --init}), or null for the
 *     model's initialisers drawn with the seed
 */
public record FitSpec(
    String optimizer,
    Map<String, String> optimizerArguments,
    int epochs,
    @Nullable Double validationFraction,
    long seed,
    @Nullable Integer patience,
    @Nullable String scheduler,
    double @Nullable [] start) implements Serializable {

  private static final long serialVersionUID = 2L;

  public FitSpec {
    Objects.requireNonNull(optimizer, "optimizer");
    // A LinkedHashMap, not Map.copyOf: the order of --opt is kept, and it serialises plainly.
    optimizerArguments = new LinkedHashMap<>(optimizerArguments);
    start = start == null ? null : start.clone();
    // The checks of TrainerOptions, Optimizers and Schedulers, once on the driver, so that a
    // bad flag is one clear error and never one failed task per group.
    // (Fields are not assigned yet in a compact constructor: check the parameters.)
    if (isSecondOrder(optimizer)) {
      refuseTorchOnly(optimizer, validationFraction, patience, scheduler);
      SecondOrderOptions.parse(optimizer, optimizerArguments, epochs);
    } else {
      trainerOptions(epochs, validationFraction, seed, patience, null);
      Optimizer scratch = Optimizers.create(optimizer, 1, optimizerArguments);
      if (scheduler != null) {
        Schedulers.fromSpec(scheduler, scratch);
      }
    }
  }

  /** The spec without a scheduler or starting parameters. */
  public FitSpec(String optimizer, Map<String, String> optimizerArguments, int epochs,
      @Nullable Double validationFraction, long seed, @Nullable Integer patience) {
    this(optimizer, optimizerArguments, epochs, validationFraction, seed, patience, null, null);
  }

  /** {@code symgrad fit}'s defaults: SGD at lr 0.01, 5000 epochs, the default split, seed 0. */
  public static FitSpec defaults() {
    return new FitSpec("sgd", Map.of(), TrainerOptions.DEFAULT_EPOCHS, null, 0, null);
  }

  public FitSpec withOptimizer(String name) {
    return new FitSpec(name, Map.of(), epochs, validationFraction, seed, patience, scheduler,
        start);
  }

  /** Adds or replaces one optimizer argument ({@code --opt name=value}). */
  public FitSpec withOption(String name, String value) {
    Map<String, String> arguments = new LinkedHashMap<>(optimizerArguments);
    arguments.put(name, value);
    return new FitSpec(optimizer, arguments, epochs, validationFraction, seed, patience,
        scheduler, start);
  }

  public FitSpec withEpochs(int count) {
    return new FitSpec(optimizer, optimizerArguments, count, validationFraction, seed, patience,
        scheduler, start);
  }

  public FitSpec withValidationFraction(@Nullable Double fraction) {
    return new FitSpec(optimizer, optimizerArguments, epochs, fraction, seed, patience,
        scheduler, start);
  }

  public FitSpec withSeed(long value) {
    return new FitSpec(optimizer, optimizerArguments, epochs, validationFraction, value, patience,
        scheduler, start);
  }

  public FitSpec withEarlyStopping(@Nullable Integer epochsWithoutImprovement) {
    return new FitSpec(optimizer, optimizerArguments, epochs, validationFraction, seed,
        epochsWithoutImprovement, scheduler, start);
  }

  /** A learning-rate scheduler as {@code --scheduler} takes it, or null for none. */
  public FitSpec withScheduler(@Nullable String spec) {
    return new FitSpec(optimizer, optimizerArguments, epochs, validationFraction, seed, patience,
        spec, start);
  }

  /** The parameters every fit starts from ({@code --init}), or null for the initialisers. */
  public FitSpec withStart(double @Nullable [] params) {
    return new FitSpec(optimizer, optimizerArguments, epochs, validationFraction, seed, patience,
        scheduler, params);
  }

  @Override
  public double @Nullable [] start() {
    return start == null ? null : start.clone();
  }

  /** Whether the optimizer is {@code lm} or {@code newton}, which fit to a tolerance. */
  public boolean secondOrder() {
    return isSecondOrder(optimizer);
  }

  /** Whether the optimizer is {@code lm}, which needs a least-squares model. */
  public boolean leastSquaresOnly() {
    return optimizer.toLowerCase(Locale.ROOT).equals("lm");
  }

  /** The tolerances of {@code lm} and {@code newton}, from {@code --opt} and the epochs. */
  public Tolerances tolerances() {
    return SecondOrderOptions.parse(optimizer, optimizerArguments, epochs).tolerances();
  }

  /**
   * How {@code newton} steps ({@code --opt hessian=auto|dense|cg}), read as {@code symgrad fit}
   * reads it; {@link NewtonHessian#DENSE} for {@code lm}, which takes no such option.
   */
  public NewtonHessian hessian() {
    return SecondOrderOptions.parse(optimizer, optimizerArguments, epochs).hessian();
  }

  static boolean isSecondOrder(String optimizer) {
    String name = optimizer.toLowerCase(Locale.ROOT);
    return name.equals("lm") || name.equals("newton");
  }

  // As symgrad fit refuses them: these steer epochs of torch steps, which lm and newton lack.
  private static void refuseTorchOnly(String optimizer, @Nullable Double validationFraction,
      @Nullable Integer patience, @Nullable String scheduler) {
    List<String> given = new ArrayList<>();
    if (validationFraction != null && validationFraction > 0) {
      given.add("--val-fraction");
    }
    if (scheduler != null) {
      given.add("--scheduler");
    }
    if (patience != null) {
      given.add("--early-stopping");
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", given) + " cannot be used with "
          + "--optimizer " + optimizer + ", which fits every row to a tolerance (--opt ftol=… "
          + "xtol=… gtol=… max_nfev=…; --epochs is its iteration limit)");
    }
  }

  @Override
  public Map<String, String> optimizerArguments() {
    return java.util.Collections.unmodifiableMap(optimizerArguments);
  }

  /** The trainer options of one fit: no listeners, the one fused loop per fit. */
  public TrainerOptions trainerOptions() {
    return trainerOptions(epochs, validationFraction, seed, patience, scheduler);
  }

  private static TrainerOptions trainerOptions(int epochs, @Nullable Double validationFraction,
      long seed, @Nullable Integer patience, @Nullable String scheduler) {
    TrainerOptions.Builder options = TrainerOptions.builder().epochs(epochs).seed(seed);
    if (scheduler != null) {
      options.scheduler(o -> Schedulers.fromSpec(scheduler, o));
    }
    if (validationFraction != null) {
      options.validationFraction(validationFraction);
    }
    if (patience != null) {
      options.earlyStopping(patience);
    }
    return options.build();
  }

  /** A fresh optimizer over {@code parameterCount} parameters, for one fit. */
  public Optimizer newOptimizer(int parameterCount) {
    return Optimizers.create(optimizer, parameterCount, optimizerArguments);
  }

  /**
   * Where every fit starts: {@code --init}'s parameters, else the model's initialisers drawn
   * with the seed, as the CLI does.
   */
  public double[] initialParameters(ModelInfo info) {
    if (start == null) {
      return info.initialParameters(seed);
    }
    if (start.length != info.parameterCount()) {
      throw new IllegalArgumentException(start.length + " starting parameter values, but model '"
          + info.name() + "' has " + info.parameterCount());
    }
    return start.clone();
  }

  /** PyTorch's spelling of the optimizer's name; {@code lm} and {@code newton} as they are. */
  public String optimizerName() {
    return secondOrder() ? optimizer.toLowerCase(Locale.ROOT)
        : Optimizers.registry().canonicalName(optimizer);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FitSpec that && optimizer.equals(that.optimizer)
        && optimizerArguments.equals(that.optimizerArguments) && epochs == that.epochs
        && Objects.equals(validationFraction, that.validationFraction) && seed == that.seed
        && Objects.equals(patience, that.patience) && Objects.equals(scheduler, that.scheduler)
        && Arrays.equals(start, that.start);
  }

  @Override
  public int hashCode() {
    return Objects.hash(optimizer, optimizerArguments, epochs, validationFraction, seed,
        patience, scheduler, Arrays.hashCode(start));
  }
}
