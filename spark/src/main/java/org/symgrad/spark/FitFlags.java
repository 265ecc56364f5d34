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
import org.symgrad.io.FitOptions;
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
    FitOptions flags = fit.fit;
    flags.checkOptimizer(); // as symgrad fit: lm and newton listed, a near name suggested
    flags.checkRanges();
    if (FitSpec.isSecondOrder(flags.optimizer())) {
      refuseTorchOnly(flags);
    }
    if (flags.scheduler() != null) {
      checkGamma(flags.scheduler());
    }
    Path save = flags.save();
    if (fit.groupBy != null && save != null) {
      throw new IllegalArgumentException("--save " + save + ": a checkpoint is one fit's; "
          + "with --group-by every group's parameters are a row of --out (drop --save, or fit "
          + "without --group-by)");
    }
    if (save != null) {
      OutputFiles.check(save, "--save");
      List<Map.Entry<String, Path>> inputs = new ArrayList<>();
      inputs.add(new SimpleEntry<>("the model", fit.modelFile));
      inputs.add(new SimpleEntry<>("--init", flags.init()));
      OutputFiles.checkDistinct(inputs, List.of(new SimpleEntry<>("--save", save)));
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
  private static void refuseTorchOnly(FitOptions flags) {
    List<String> given = flags.torchOnlyFlags();
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", given) + " cannot be used with "
          + "--optimizer " + flags.optimizer() + ", which fits every row to a tolerance (--opt "
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
    return checkpoint == null ? null : fit.fit.resume(checkpoint, "split");
  }

  /** What {@code symgrad fit} says after an lm or newton fit; returns the exit code. */
  static int reportSecondOrder(Fit fit, SparkFitResult result, PrintWriter err) {
    if (result.stopReason() == StopReason.DIVERGED) {
      err.println("symgrad-spark: error: " + result.error());
      return Fit.DIVERGED;
    }
    if (result.stopReason() != StopReason.CONVERGED) {
      err.println("symgrad-spark: warning: " + fit.fit.optimizer() + " did not converge in "
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
