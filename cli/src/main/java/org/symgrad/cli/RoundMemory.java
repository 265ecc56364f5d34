package org.symgrad.cli;

import org.symgrad.runtime.train.History;

/**
 * What one round of {@code bench} holds at once, estimated before the first round, so that a
 * {@code --fits} the heap cannot hold is refused with a message instead of running the heap
 * out mid-round: a round keeps every fit's result until its last fit ends, and each running
 * fit its own split of the data. Errs high: a fit refused here might just have fitted, but
 * one let through must not run out.
 */
record RoundMemory(long perResult, long perRunningFit) {
  /**
   * A result's objects besides its arrays (the result, history, checkpoint, optimizer state
   * map, boxed losses, its slots in the round's arrays): some 700 bytes measured for SGD,
   * rounded up.
   */
  private static final long RESULT_OBJECTS = 1024;

  /**
   * The estimate for fits of {@code epochs} epochs of a model of {@code parameters} elements
   * over {@code rows} rows of {@code columns} columns read (inputs and target).
   */
  static RoundMemory of(int rows, int columns, int parameters, int epochs) {
    long params = 8L * parameters;
    // Training and validation losses, one an epoch up to the history's capacity; the
    // parameters, their checkpoint copy, the best ones and the optimizer's state; the held
    // rows' indices.
    long result = RESULT_OBJECTS + 2 * 8L * Math.min(epochs, History.CAPACITY) + 6 * params
        + 4L * rows;
    // The split's copy of every column read, its row indices, the gradient and work arrays.
    long running = 8L * rows * columns + 2 * 4L * rows + 4 * params;
    return new RoundMemory(result, running);
  }

  /** Bytes that {@code fits} fits, at most {@code running} of them at once, hold. */
  long bytes(int fits, int running) {
    return fits * perResult + Math.min(fits, running) * (perRunningFit + perResult);
  }

  /** The most fits, at most {@code running} at once, that {@code budget} bytes hold; may be 0. */
  int mostFits(long budget, int running) {
    int most = (int) Math.max(0, Math.min(Integer.MAX_VALUE,
        (budget - running * (perRunningFit + perResult)) / perResult));
    // Fewer fits than threads run fewer at once, and so may hold fewer bytes in all.
    while (most < running && bytes(most + 1, running) <= budget) {
      most++;
    }
    return most;
  }
}
