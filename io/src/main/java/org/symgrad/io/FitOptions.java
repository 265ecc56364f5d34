package org.symgrad.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.optim.Registry;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingCheckpoint;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The flags {@code symgrad fit} and {@code symgrad-spark} share, declared once as a picocli
 * mixin ({@code @Mixin FitOptions fit;}): the optimizer and its arguments, the epochs, the
 * split, the scheduler, early stopping, and the files that start and save a fit. Each command
 * adds its own (the CLI's {@code --plot}, Spark's {@code --group-by}).
 *
 * <p>It lives in {@code io}, the one module both commands depend on, so neither depends on the
 * other; picocli is an optional dependency of {@code io}, not passed on to its library users.
 * The checks here throw {@link IllegalArgumentException} with the message a user reads; each
 * command reports it as its bad input (exit code 2).
 */
public final class FitOptions {
  // lm and newton are not torch.optim classes (they fit residuals or an exact Hessian), so
  // they are named apart; a name is looked up in both, so that the list of known optimizers
  // and the "did you mean" cover them too.
  private static final Registry<Object> OPTIMIZERS = Optimizers.registry().plus(
      Registry.of("optimizer", List.of("lm", "newton"), Function.identity()));

  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec command;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
      description = "A torch.optim class name, any case, or lm / newton (second order, with "
          + "standard errors for least squares) (default: ${DEFAULT-VALUE}).")
  private String optimizer = "sgd";

  @Option(names = "--lr", paramLabel = "RATE",
      description = "Learning rate (default: the optimizer's PyTorch default; 0.01 for SGD).")
  private @Nullable Double lr;

  @Option(names = "--opt", paramLabel = "NAME=VALUE",
      description = "An optimizer argument by its PyTorch name: momentum=0.9, "
          + "betas=0.9,0.999, line_search_fn=strong_wolfe; lm's and newton's ftol, xtol, "
          + "gtol, max_nfev. Repeatable.")
  private List<String> optimizerOptions = new ArrayList<>();

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "5000",
      description = "Epochs to run, or lm's and newton's iteration limit "
          + "(default: ${DEFAULT-VALUE}).")
  private int epochs = 5000;

  @Option(names = "--val-fraction", paramLabel = "F",
      description = "Fraction of rows held out for validation (default: 0.2, or 0 when the "
          + "data has fewer than 5 rows).")
  private @Nullable Double valFraction;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the split, shuffles and initialisers (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--scheduler", paramLabel = "SPEC",
      description = "A learning-rate scheduler: \"StepLR:step_size=10,gamma=0.5\", "
          + "\"MultiStepLR:milestones=[5,15],gamma=0.1\".")
  private @Nullable String scheduler;

  @Option(names = "--early-stopping", paramLabel = "P",
      description = "Stop when the validation loss has not improved for P epochs, and keep "
          + "the best parameters.")
  private @Nullable Integer patience;

  @Option(names = "--init", paramLabel = "FILE.json",
      description = "Start from saved parameters; a --save file resumes its fit exactly.")
  private @Nullable Path init;

  @Option(names = "--save", paramLabel = "FILE.json",
      description = "Save parameters and optimizer state, to resume with --init.")
  private @Nullable Path save;

  public String optimizer() {
    return optimizer;
  }

  /** The learning rate given by {@code --lr}, or null. */
  public @Nullable Double lr() {
    return lr;
  }

  public int epochs() {
    return epochs;
  }

  public @Nullable Double valFraction() {
    return valFraction;
  }

  public long seed() {
    return seed;
  }

  public @Nullable String scheduler() {
    return scheduler;
  }

  /** {@code --early-stopping}'s patience, or null. */
  public @Nullable Integer patience() {
    return patience;
  }

  public @Nullable Path init() {
    return init;
  }

  public @Nullable Path save() {
    return save;
  }

  /**
   * Writes a fit's {@code checkpoint} to {@code --save}, when it was given, unless the fit
   * diverged ({@link Checkpoints#whyNotSaved}): the note that says why it was not written, for
   * the command to print, or null. Both commands call it after their result is out, so that a
   * failing save loses nothing.
   */
  public @Nullable String saveCheckpoint(ModelInfo model, StopReason stopped, double trainLoss,
      TrainingCheckpoint checkpoint) {
    if (save == null) {
      return null;
    }
    String notSaved = Checkpoints.whyNotSaved(save, stopped, trainLoss);
    if (notSaved == null) {
      Checkpoints.save(save, "--save", model, checkpoint);
    }
    return notSaved;
  }

  /**
   * Checks that {@code --optimizer} names a torch.optim class or {@code lm} / {@code newton},
   * in any case.
   *
   * @throws IllegalArgumentException listing every known optimizer, with a "did you mean" when
   *     one name alone is near: {@code Unknown optimizer 'nwton' (did you mean newton?); known
   *     optimizers are SGD, …, lm, newton}
   */
  public void checkOptimizer() {
    if (OPTIMIZERS.find(optimizer).isEmpty()) {
      throw new IllegalArgumentException(OPTIMIZERS.unknown(optimizer));
    }
  }

  /** Checks the ranges of the numbers, before anything is read. */
  public void checkRanges() {
    if (epochs < 0) {
      throw new IllegalArgumentException("--epochs " + epochs + ": must be 0 or more");
    }
    if (patience != null && patience < 1) {
      throw new IllegalArgumentException("--early-stopping " + patience
          + ": must be at least 1 epoch");
    }
    if (lr != null && Double.isInfinite(lr)) {
      throw new IllegalArgumentException("--lr " + lr + ": must be a finite number");
    }
    if (valFraction != null && !(valFraction >= 0 && valFraction < 1)) {
      throw new IllegalArgumentException("--val-fraction " + valFraction + ": must be in "
          + "[0, 1): the fraction of rows held out for validation");
    }
  }

  /**
   * The torch-only flags given, which lm and newton refuse: they fit every row to a
   * tolerance, with no learning rate, validation, scheduler or optimizer state to save.
   */
  public List<String> torchOnlyFlags() {
    List<String> given = new ArrayList<>();
    if (lr != null) {
      given.add("--lr");
    }
    if (valFraction != null && valFraction > 0) {
      given.add("--val-fraction");
    }
    if (scheduler != null) {
      given.add("--scheduler");
    }
    if (patience != null) {
      given.add("--early-stopping");
    }
    if (save != null) {
      given.add("--save");
    }
    return given;
  }

  /**
   * The optimizer's arguments by PyTorch's names, {@code --opt} in order, with {@code --lr} as
   * {@code lr}.
   *
   * @throws IllegalArgumentException for an {@code --opt} that is not NAME=VALUE, or an
   *     argument given twice
   */
  public Map<String, String> optimizerArguments() {
    Map<String, String> arguments = new LinkedHashMap<>();
    for (String option : optimizerOptions) {
      int equals = option.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("--opt " + option
            + ": expected NAME=VALUE, as in momentum=0.9");
      }
      String name = option.substring(0, equals).trim();
      String value = option.substring(equals + 1).trim();
      if (infinite(value)) {
        throw new IllegalArgumentException("--opt " + option + ": must be finite; no "
            + "optimizer argument is infinite");
      }
      if (arguments.put(name, value) != null) {
        throw new IllegalArgumentException("--opt " + name + " is given twice");
      }
    }
    if (lr != null) {
      if (arguments.containsKey("lr")) {
        throw new IllegalArgumentException("the learning rate is given twice: --lr and --opt "
            + "lr=…");
      }
      arguments.put("lr", Double.toString(lr));
    }
    return arguments;
  }

  // Whether a value, or a part of a list such as betas=0.9,inf, reads as an infinite double:
  // a torch optimizer takes lr=inf and the fit ends in infinite parameters.
  private static boolean infinite(String value) {
    for (String part : value.split(",", -1)) {
      String number = part.replaceAll("[\\[\\]()]", "").strip().toLowerCase(Locale.ROOT);
      if (number.matches("[+-]?inf(inity)?")) { // Python's spelling, as --opt takes it
        return true;
      }
      try {
        if (Double.isInfinite(Double.parseDouble(number))) {
          return true;
        }
      } catch (NumberFormatException e) {
        // not a number: the optimizer names it
      }
    }
    return false;
  }

  /**
   * The checkpoint of {@code --init} as it resumes: with its own seed, whose random draws
   * ({@code kept}: "split", "split and shuffles") it keeps, so another explicit {@code --seed}
   * is refused; and an explicit {@code --lr} in place of the learning rate it saved.
   */
  public TrainingCheckpoint resume(TrainingCheckpoint checkpoint, String kept) {
    if (command != null && command.commandLine().getParseResult().hasMatchedOption("--seed")
        && seed != checkpoint.seed()) {
      throw new IllegalArgumentException("--seed " + seed + ": " + init + " resumes a fit of "
          + "seed " + checkpoint.seed() + ", whose " + kept + " it keeps; drop --seed, or "
          + "give --seed " + checkpoint.seed());
    }
    if (lr == null || lr == checkpoint.learningRate()) {
      return checkpoint;
    }
    return new TrainingCheckpoint(checkpoint.seed(), checkpoint.epoch(), checkpoint.rows(),
        checkpoint.validationRows(), checkpoint.params(), checkpoint.optimizerState(), lr,
        checkpoint.schedulerState(), checkpoint.lastTrainLoss(), checkpoint.bestEpoch(),
        checkpoint.bestValLoss(), checkpoint.bestParams(), checkpoint.parameterNames());
  }
}
