package org.symgrad.runtime;

import org.jspecify.annotations.Nullable;

/**
 * What a compiled model's methods check of the arrays a caller passes, before any work: each
 * one statement at the head of a generated method ({@code Kernels.checkParams(params, 2);}),
 * so that another model's parameter vector, or a gradient or output array of the wrong size,
 * is refused with a message that names the argument, instead of being read in part (a longer
 * {@code params}) or failing inside the model's class with an {@code
 * ArrayIndexOutOfBoundsException}.
 *
 * <p>Each check is a compare that the JIT inlines into the kernel; the messages are built out
 * of line, so the kernels stay small. A null array is a {@code NullPointerException} naming
 * the argument.
 */
public final class Kernels {
  private Kernels() {}

  /**
   * Refuses a {@code params} array that does not hold exactly the {@code count} values the
   * model reads: its parameters, flat, as {@code ModelInfo.parameters()} lays them out.
   */
  public static void checkParams(double @Nullable [] params, int count) {
    if (params == null || params.length != count) {
      throw wrong("params", params, count, 0);
    }
  }

  /** Refuses a {@code grad} array that does not hold exactly the {@code count} values written. */
  public static void checkGrad(double @Nullable [] grad, int count) {
    if (grad == null || grad.length != count) {
      throw wrong("grad", grad, count, 0);
    }
  }

  /**
   * Refuses an {@code out} array shorter than {@code rows * outputs}: {@code predict} writes
   * output {@code k} of row {@code row} to {@code out[row * outputs + k]}.
   */
  public static void checkOut(double @Nullable [] out, int rows, int outputs) {
    if (out == null || out.length < (long) rows * outputs) {
      throw wrong("out", out, outputs, rows);
    }
  }

  /**
   * Refuses a {@code sums} array shorter than {@code count}: the chunked passes' raw sums,
   * {@code ChunkedKernels.sumCount()} of them.
   */
  public static void checkSums(double @Nullable [] sums, int count) {
    if (sums == null || sums.length < count) {
      throw wrong("sums", sums, count, 0);
    }
  }

  /**
   * Refuses a chunk {@code [from, to)} that is not rows of {@code batch}: the chunked passes
   * ({@code ChunkedKernels.sums}, {@code lossSums}) read rows {@code from} to {@code to - 1}.
   */
  public static void checkRows(int from, int to, @Nullable Batch batch) {
    if (batch == null) {
      throw new NullPointerException("batch is null");
    }
    if (from < 0 || from > to || to > batch.size()) {
      throw rows(from, to, batch.size());
    }
  }

  private static IllegalArgumentException rows(int from, int to, int size) {
    return new IllegalArgumentException("rows from " + from + " to " + to + " are not a chunk "
        + "of the batch's " + size + " rows: 0 <= from <= to <= " + size);
  }

  // Out of line, as Batch.column's message: every kernel call runs the checks above, which
  // then stay a compare and a branch never taken, small enough for the JIT to inline.
  private static RuntimeException wrong(String name, double @Nullable [] array, int count,
      int rows) {
    if (array == null) {
      return new NullPointerException(name + " is null");
    }
    String needed = switch (name) {
      case "params" -> "the model takes " + count
          + ", its parameters as info().parameters() lays them out";
      case "grad" -> "the model's gradient has " + count;
      case "out" -> "predict writes " + (long) rows * count + ": " + rows
          + (rows == 1 ? " row" : " rows") + " of " + count + (count == 1 ? " output" : " outputs");
      default -> "the model's chunked passes take " + count + ", sumCount()";
    };
    return new IllegalArgumentException(name + " has " + values(array.length) + "; " + needed);
  }

  private static String values(long count) {
    return count + (count == 1 ? " value" : " values");
  }
}
