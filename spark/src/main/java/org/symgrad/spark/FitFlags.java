package org.symgrad.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.symgrad.io.OutputFiles;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingCheckpoint;

/**
 * The rules {@code symgrad fit} applies to its flags, applied to {@code symgrad-spark}'s with
 * the same messages: ranges, the flags {@code lm} and {@code newton} refuse, the files of
 * {@code --init} and {@code --save}, and how a checkpoint resumes. Checked before a Spark
 * session starts.
 */
final class FitFlags {
  private static final Pattern GAMMA = Pattern.compile("[:,]\\s*gamma\\s*=([^,\\]]*)");

  private FitFlags() {}

  static void check(Fit fit) {
    if (fit.epochs < 0) {
      throw new IllegalArgumentException("--epochs " + fit.epochs + ": must be 0 or more");
    }
    if (fit.patience != null && fit.patience < 1) {
      throw new IllegalArgumentException("--early-stopping " + fit.patience
          + ": must be at least 1 epoch");
    }
    if (fit.valFraction != null && !(fit.valFraction >= 0 && fit.valFraction < 1)) {
      throw new IllegalArgumentException("--val-fraction " + fit.valFraction + ": must be in "
          + "[0, 1): the fraction of rows held out for validation");
    }
    if (FitSpec.isSecondOrder(fit.optimizer)) {
      refuseTorchOnly(fit);
    }
    if (fit.scheduler != null) {
      checkGamma(fit.scheduler);
    }
    if (fit.groupBy != null && fit.save != null) {
      throw new IllegalArgumentException("--save " + fit.save + ": a checkpoint is one fit's; "
          + "with --group-by every group's parameters are a row of --out (drop --save, or fit "
          + "without --group-by)");
    }
    if (fit.save != null) {
      OutputFiles.check(fit.save, "--save");
      List<Map.Entry<String, Path>> inputs = new ArrayList<>();
      inputs.add(new SimpleEntry<>("the model", fit.modelFile));
      inputs.add(new SimpleEntry<>("--init", fit.init));
      OutputFiles.checkDistinct(inputs, List.of(new SimpleEntry<>("--save", fit.save)));
    }
  }

  // The runtime takes any gamma, and the bad learning rate it makes shows epochs later,
  // blamed on the learning rate; symgrad fit checks a decay factor by its name, and so here.
  private static void checkGamma(String scheduler) {
    Matcher gamma = GAMMA.matcher(scheduler);
    if (!gamma.find()) {
      return;
    }
    double value;
    try {
      value = Double.parseDouble(gamma.group(1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--scheduler \"" + scheduler + "\": gamma="
          + gamma.group(1).trim() + " is not a number");
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("--scheduler \"" + scheduler + "\": gamma="
          + gamma.group(1).trim() + " must be a finite number above 0: the factor the "
          + "learning rate is multiplied by");
    }
  }

  // These steer epochs of torch steps; lm and newton fit every row to a tolerance.
  private static void refuseTorchOnly(Fit fit) {
    List<String> given = new ArrayList<>();
    if (fit.lr != null) {
      given.add("--lr");
    }
    if (fit.valFraction != null && fit.valFraction > 0) {
      given.add("--val-fraction");
    }
    if (fit.scheduler != null) {
      given.add("--scheduler");
    }
    if (fit.patience != null) {
      given.add("--early-stopping");
    }
    if (fit.save != null) {
      given.add("--save");
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", given) + " cannot be used with "
          + "--optimizer " + fit.optimizer + ", which fits every row to a tolerance (--opt "
          + "ftol=… xtol=… gtol=… max_nfev=…; --epochs is its iteration limit)");
    }
  }

  /**
   * The checkpoint to resume, as {@code symgrad fit} resumes it: with its own seed (an
   * explicit other {@code --seed} is refused), and an explicit {@code --lr} in place of its
   * saved learning rate. Null when {@code checkpoint} is (a file of parameters only).
   */
  static @Nullable TrainingCheckpoint resumeWith(Fit fit,
      @Nullable TrainingCheckpoint checkpoint) {
    if (checkpoint == null) {
      return null;
    }
    if (fit.command.commandLine().getParseResult().hasMatchedOption("--seed")
        && fit.seed != checkpoint.seed()) {
      throw new IllegalArgumentException("--seed " + fit.seed + ": " + fit.init + " resumes a "
          + "fit of seed " + checkpoint.seed() + ", whose split it keeps; drop --seed, or give "
          + "--seed " + checkpoint.seed());
    }
    if (fit.lr == null || fit.lr == checkpoint.learningRate()) {
      return checkpoint;
    }
    return new TrainingCheckpoint(checkpoint.seed(), checkpoint.epoch(), checkpoint.rows(),
        checkpoint.validationRows(), checkpoint.params(), checkpoint.optimizerState(), fit.lr,
        checkpoint.schedulerState(), checkpoint.lastTrainLoss(), checkpoint.bestEpoch(),
        checkpoint.bestValLoss(), checkpoint.bestParams());
  }

  /** What {@code symgrad fit} says after an lm or newton fit; returns the exit code. */
  static int reportSecondOrder(Fit fit, SparkFitResult result, PrintWriter err) {
    if (result.stopReason() == StopReason.DIVERGED) {
      err.println("symgrad-spark: error: " + result.error());
      return Fit.DIVERGED;
    }
    if (result.stopReason() != StopReason.CONVERGED) {
      err.println("symgrad-spark: warning: " + fit.optimizer + " did not converge in "
          + result.epochs() + " iterations; raise --epochs or --opt max_nfev=…, or loosen "
          + "ftol/xtol");
    }
    if (result.error() != null) {
      err.println("symgrad-spark: note: " + result.error());
    }
    if (!fit.quiet) {
      err.println("symgrad-spark: " + result.stopReason().label() + " after "
          + result.epochs() + " iterations, train loss " + result.trainLoss() + "; result in "
          + fit.out);
    }
    return 0;
  }
}
