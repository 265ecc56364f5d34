package org.symgrad.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.symgrad.runtime.train.EpochListener;
import org.symgrad.runtime.train.EpochReport;

/**
 * A progress bar on standard error, for fits run at a terminal that last more than a second:
 * it appears only once a second has passed, so short fits print nothing extra.
 */
final class ProgressListener implements EpochListener, AutoCloseable {
  private static final long DELAY_NANOS = 1_000_000_000L;

  private final long start = System.nanoTime();
  private final String task;
  private ProgressBar bar;

  ProgressListener(String task) {
    this.task = task;
  }

  /** Whether a bar makes sense: a terminal, and no machine-readable output asked for. */
  static boolean wanted(boolean json) {
    return !json && System.console() != null;
  }

  @Override
  public void onEpoch(EpochReport report) {
    if (bar == null) {
      if (System.nanoTime() - start < DELAY_NANOS || report.isLast()) {
        return;
      }
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(report.lastEpoch())
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
          .continuousUpdate().build();
    }
    bar.stepTo(report.epoch());
    bar.setExtraMessage(String.format(" loss %.6g", report.trainLoss()));
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
