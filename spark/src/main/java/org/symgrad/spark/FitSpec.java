package org.symgrad.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.Optimizers;
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
 * @param optimizer a torch.optim class name, any case
 * @param optimizerArguments PyTorch's argument names to values as text ({@code lr}, {@code
 *     momentum}, {@code betas}…), as {@code --opt} takes them
 * @param epochs the epoch budget (an iteration limit for second-order optimizers)
 * @param validationFraction the rows held out, or null for the CLI's default (0.2, or 0 under
 *     5 rows)
 * @param seed the seed of the split and of the parameters' initialisers
 * @param patience early-stopping patience in epochs, or null for none
 */
public record FitSpec(
    String optimizer,
    Map<String, String> optimizerArguments,
    int epochs,
    @Nullable Double validationFraction,
    long seed,
    @Nullable Integer patience) implements Serializable {

  private static final long serialVersionUID = 1L;

  public FitSpec {
    Objects.requireNonNull(optimizer, "optimizer");
    // A LinkedHashMap, not Map.copyOf: the order of --opt is kept, and it serialises plainly.
    optimizerArguments = new LinkedHashMap<>(optimizerArguments);
    // The checks of TrainerOptions and Optimizers, once on the driver, so that a bad flag is
    // one clear error and never one failed task per group.
    // (Fields are not assigned yet in a compact constructor: check the parameters.)
    trainerOptions(epochs, validationFraction, seed, patience);
    Optimizers.create(optimizer, 1, optimizerArguments);
  }

  /** {@code symgrad fit}'s defaults: SGD at lr 0.01, 5000 epochs, the default split, seed 0. */
  public static FitSpec defaults() {
    return new FitSpec("sgd", Map.of(), TrainerOptions.DEFAULT_EPOCHS, null, 0, null);
  }

  public FitSpec withOptimizer(String name) {
    return new FitSpec(name, Map.of(), epochs, validationFraction, seed, patience);
  }

  /** Adds or replaces one optimizer argument ({@code --opt name=value}). */
  public FitSpec withOption(String name, String value) {
    Map<String, String> arguments = new LinkedHashMap<>(optimizerArguments);
    arguments.put(name, value);
    return new FitSpec(optimizer, arguments, epochs, validationFraction, seed, patience);
  }

  public FitSpec withEpochs(int count) {
    return new FitSpec(optimizer, optimizerArguments, count, validationFraction, seed, patience);
  }

  public FitSpec withValidationFraction(@Nullable Double fraction) {
    return new FitSpec(optimizer, optimizerArguments, epochs, fraction, seed, patience);
  }

  public FitSpec withSeed(long value) {
    return new FitSpec(optimizer, optimizerArguments, epochs, validationFraction, value, patience);
  }

  public FitSpec withEarlyStopping(@Nullable Integer epochsWithoutImprovement) {
    return new FitSpec(optimizer, optimizerArguments, epochs, validationFraction, seed,
        epochsWithoutImprovement);
  }

  @Override
  public Map<String, String> optimizerArguments() {
    return java.util.Collections.unmodifiableMap(optimizerArguments);
  }

  /** The trainer options of one fit: no listeners, the one fused loop per fit. */
  public TrainerOptions trainerOptions() {
    return trainerOptions(epochs, validationFraction, seed, patience);
  }

  private static TrainerOptions trainerOptions(int epochs, @Nullable Double validationFraction,
      long seed, @Nullable Integer patience) {
    TrainerOptions.Builder options = TrainerOptions.builder().epochs(epochs).seed(seed);
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

  /** Where every fit starts: the model's initialisers drawn with the seed, as the CLI does. */
  public double[] initialParameters(ModelInfo info) {
    return info.initialParameters(seed);
  }

  /** PyTorch's spelling of the optimizer's name. */
  public String optimizerName() {
    return Optimizers.canonicalName(optimizer);
  }
}
