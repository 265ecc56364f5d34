package org.symgrad.runtime.train;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Called after every epoch whose update was applied, on the fitting thread, with the epoch's
 * report. What a listener throws ends the fit and reaches the caller of {@code fit}.
 *
 * <p>Listeners are part of a {@link TrainerOptions}, which one {@link Trainer} may use for
 * several fits at once: a listener shared that way must be thread-safe.
 *
 * <p>From Kotlin: {@code .listener { r -> progress.step(r.epoch()) }}.
 */
@FunctionalInterface
public interface EpochListener {

  void onEpoch(EpochReport report);

  /**
   * Prints the book's log lines ({@link EpochReport#logLine()}) for epochs 1, 2, 3, every
   * {@code logEvery}-th and the last, to {@code out}: {@code EpochListener.logLines(
   * System.out::println)}.
   */
  static EpochListener logLines(Consumer<String> out) {
    Objects.requireNonNull(out, "out");
    return report -> {
      if (report.isLogEpoch()) {
        out.accept(report.logLine());
      }
    };
  }
}
