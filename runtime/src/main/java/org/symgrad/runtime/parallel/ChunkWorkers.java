package org.symgrad.runtime.parallel;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The daemon threads that help {@link ParallelObjective} calls sum chunks, and {@link
 * ParallelTasks} run tasks, shared by every fit in the JVM.
 *
 * <p>Why shared: when each fit started its own threads and stopped them at its end, thousands
 * of short fits started thousands of threads. A worker here, once started, parks while idle and
 * serves any later call of any fit. The pool grows to the largest number of helpers one call
 * has asked for and never shrinks, so a JVM holds at most (largest thread count − 1) of them,
 * however many fits it runs; they are daemons, so they never keep the JVM alive.
 *
 * <p>A call that finds no idle worker (other fits hold them) is not delayed: its caller sums
 * the chunks no helper claims itself, and the bits do not depend on who summed what.
 */
final class ChunkWorkers {
  /** Work that workers help with: a chunked pass or a set of tasks. */
  interface Call {
    /**
     * Does what is left of call {@code generation}; never throws. Runs {@code done} once, when
     * it will claim no more work and before it tells the caller its last work is finished, so
     * that a worker is idle again before the caller can start its next call.
     */
    void help(long generation, Runnable done);
  }

  /** The {@code done} of a caller's own help: nothing to do. */
  static final Runnable NOTHING = () -> {};

  /** The one pool of the JVM. */
  static final ChunkWorkers SHARED = new ChunkWorkers();

  /** How long an idle worker spins for its next call before it parks. */
  static final long SPIN_NANOS = 50_000;

  /** The prefix of the workers' thread names, so a thread dump says whose they are. */
  static final String NAME_PREFIX = "symgrad-chunks-";

  private final Object lock = new Object();
  private Worker[] idle = new Worker[0];
  private int idleCount;
  private int started;

  /**
   * Asks up to {@code wanted} idle workers to help {@code call} of generation {@code
   * generation}, first starting workers while fewer than {@code wanted} exist. Allocates
   * nothing once the pool has grown to {@code wanted}.
   */
  void offer(Call call, long generation, int wanted) {
    synchronized (lock) {
      while (started < wanted) {
        Worker worker = new Worker(NAME_PREFIX + (++started));
        push(worker);
        worker.start();
      }
      for (int n = Math.min(wanted, idleCount); n > 0; n--) {
        Worker worker = idle[--idleCount];
        idle[idleCount] = null;
        worker.assign(call, generation);
      }
    }
  }

  /**
   * Returns once {@code finished} reaches {@code count}, for a caller that has done its own
   * share of a call: the helpers' last pieces take microseconds, less than waking from a park,
   * so it spins for up to {@link #SPIN_NANOS} before it parks (on {@code blocker}, for thread
   * dumps). The helper that makes the count unparks the caller.
   */
  static void awaitCount(AtomicInteger finished, int count, Object blocker) {
    long spinEnd = System.nanoTime() + SPIN_NANOS;
    while (finished.get() < count) {
      if (System.nanoTime() - spinEnd < 0) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(blocker);
      }
    }
  }

  /** How many workers have been started: at most the largest {@code wanted} so far. */
  int started() {
    synchronized (lock) {
      return started;
    }
  }

  private void push(Worker worker) {
    if (idleCount == idle.length) {
      idle = Arrays.copyOf(idle, Math.max(4, idle.length * 2));
    }
    idle[idleCount++] = worker;
  }

  private final class Worker extends Thread {
    // The call to help, or null while idle; generation is written before it and read after.
    private volatile @Nullable Call call;
    private long generation;
    private final Runnable idleAgain = this::idleAgain;

    Worker(String name) {
      super(name);
      setDaemon(true);
    }

    void assign(Call call, long generation) {
      this.generation = generation;
      this.call = call;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      while (true) {
        Call current = call;
        if (current == null) {
          current = spinForCall();
        }
        if (current == null) {
          LockSupport.park(this);
          continue;
        }
        // Records its chunks' failures for the caller; never throws. Idle again before the
        // call's last chunk is counted: else the caller, spinning for that count, could start
        // its next call (a fit's next pass, microseconds later) before this worker is back in
        // the pool and run it alone. A call assigned meanwhile is read at the loop's top.
        current.help(generation, idleAgain);
      }
    }

    private void idleAgain() {
      call = null; // so an idle worker holds no fit's data
      synchronized (lock) {
        push(this);
      }
    }

    /**
     * Waits up to {@link #SPIN_NANOS} for a call without parking. A fit's passes follow each
     * other within microseconds (training, validation, the next epoch), and a parked thread
     * takes tens of microseconds to wake, during which the caller sums alone; so an idle
     * worker first spins a little, and parks only when no call came.
     */
    private @Nullable Call spinForCall() {
      long end = System.nanoTime() + SPIN_NANOS;
      while (System.nanoTime() - end < 0) {
        Call current = call;
        if (current != null) {
          return current;
        }
        Thread.onSpinWait();
      }
      return call;
    }
  }
}
