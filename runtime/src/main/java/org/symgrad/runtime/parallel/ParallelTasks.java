package org.symgrad.runtime.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a few independent tasks on a fit's threads: the caller's and helpers of the shared pool
 * ({@link ChunkWorkers}), as {@link ParallelObjective} sums chunks. For work done once per fit,
 * such as preparing its data, so that a fit given two threads does not prepare on one.
 *
 * <p>Tasks are claimed in index order from a counter, the caller first, so with one thread, or
 * when no helper is free or awake, the caller runs them all in order. Which thread ran a task
 * must not matter to the result: tasks write disjoint things.
 */
public final class ParallelTasks {
  private final int count;
  private final IntConsumer task;
  private final Thread caller = Thread.currentThread();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

  private ParallelTasks(int count, IntConsumer task) {
    this.count = count;
    this.task = task;
  }

  /**
   * Runs {@code task.accept(0)} … {@code task.accept(count - 1)} on up to {@code threads}
   * threads and returns when all are done. A task's exception or error is thrown here, after
   * the others have finished; with several, the first to fail.
   */
  public static void run(int threads, int count, IntConsumer task) {
    if (threads <= 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        task.accept(i);
      }
      return;
    }
    ParallelTasks call = new ParallelTasks(count, task);
    ChunkWorkers.SHARED.offer(call::help, 0, Math.min(threads, count) - 1);
    call.help(0, ChunkWorkers.NOTHING);
    ChunkWorkers.awaitCount(call.finished, count, call);
    Throwable failed = call.failure.get();
    if (failed instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failed instanceof Error error) {
      throw error; // an OutOfMemoryError stays one
    }
    if (failed != null) {
      throw new IllegalStateException("a task failed", failed);
    }
  }

  /** Claims and runs tasks until none is left; never throws. Runs {@code done}, then counts. */
  private void help(long ignored, Runnable done) {
    int ran = 0;
    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
      try {
        task.accept(i);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
      ran++;
    }
    done.run();
    if (ran > 0 && finished.addAndGet(ran) == count && caller != Thread.currentThread()) {
      LockSupport.unpark(caller);
    }
  }
}
