package org.symgrad.cli;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads {@link FitTimer} starts a round's other fits on. Between rounds its idle threads
 * spin for a while before they block, so that the next round's fits start at once instead of
 * after a thread wake-up: on a virtual machine a wake-up costs tens of microseconds, a tenth of
 * a whole 11-row fit, and it varies, so a round timed through a plain pool measures the
 * scheduler as much as the fits.
 */
final class RoundPool {
  /** How long an idle thread spins: the gap between two rounds is far shorter. */
  private static final long SPIN_NANOS = 200_000;

  private RoundPool() {}

  /**
   * A fixed pool of {@code threads} daemon threads that spin before they block. What kills one
   * of them outside a fit (out of memory while it waits for a task; a fit's own failure is
   * FitMany's to report) goes to {@code died}, for the round's thread to throw, rather than
   * to standard error as a stack trace.
   */
  static ThreadPoolExecutor of(int threads, Thread.UncaughtExceptionHandler died) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new SpinningQueue(), task -> {
          Thread thread = new Thread(task, "symgrad-bench-fit");
          thread.setDaemon(true);
          thread.setUncaughtExceptionHandler(died);
          return thread;
        });
    pool.prestartAllCoreThreads();
    return pool;
  }

  /** A work queue whose taker spins, polling, for {@link #SPIN_NANOS} before it blocks. */
  private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
    @Override
    public Runnable take() throws InterruptedException {
      long end = System.nanoTime() + SPIN_NANOS;
      do {
        Runnable task = poll();
        if (task != null) {
          return task;
        }
        Thread.onSpinWait();
      } while (System.nanoTime() - end < 0);
      return super.take();
    }
  }
}
