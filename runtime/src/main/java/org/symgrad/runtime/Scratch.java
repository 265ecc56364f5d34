package org.symgrad.runtime;

/**
 * Working memory of compiled models too large for one method. Such a model is split into
 * helper methods that hand values to each other, and keep their sums, in a {@code double[]};
 * each model class holds one {@code ThreadLocal} of them, so that its kernels stay
 * thread-safe and allocate nothing once a thread has its array.
 *
 * <p>A thread's array is made on its first call and reused for every later call of any of
 * the class's kernels: one kernel never runs inside another on the same thread, and a kernel
 * sets every element it reads before reading it (sums are zeroed at its start).
 */
public final class Scratch {
  private Scratch() {}

  /** One array of {@code size} doubles per thread, made on first use. */
  public static ThreadLocal<double[]> perThread(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("scratch size " + size + " is negative");
    }
    return ThreadLocal.withInitial(() -> new double[size]);
  }
}
