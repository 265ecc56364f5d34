package org.symgrad.compiler.model;

import java.util.List;
import java.util.stream.Collectors;
import org.symgrad.runtime.ParameterInfo;

/**
 * Shapes of arrays and the names of their elements. An array of shape {@code [13, 4]} is stored
 * row-major: element {@code [j, k]} at {@code j * 4 + k}, as torch stores a contiguous tensor
 * and as the flat parameter array holds it.
 *
 * <p>Element {@code [1, 2]} of {@code W} is the graph variable {@code W[1,2]}; element 3 of
 * {@code input x[4]} is the column {@code x3} (unless the input maps its columns by name).
 * Brackets cannot occur in a declared name, so element names never meet a user's.
 */
public final class Shapes {
  /** The most elements one array or one expanded expression may have. */
  public static final int MAX_ELEMENTS = 1 << 22;

  /**
   * The most elements a model's params and inputs may have together. An element the model
   * does not read costs no compile time (no variable, derivative or code is made for it) but
   * is still a number in the parameters, the gradient and an optimizer's state at run time:
   * 16 Mi elements are 128 MiB in each such array.
   */
  public static final int MAX_MODEL_ELEMENTS = 1 << 24;

  /**
   * The most param elements a model may read. Each one read is a derivative, a row sum and a
   * gradient store to build and schedule, so the compile time grows with their number: 65 536
   * (a 256 by 256 dense layer) compiled cold in 38 s, 19 s of CPU, on a loaded 2-core machine
   * (bench/results/sparse-compile.txt).
   */
  public static final int MAX_READ_ELEMENTS = 1 << 16;

  private Shapes() {}

  /** The number of elements: 1 for a scalar's empty shape. */
  public static int size(List<Integer> shape) {
    long size = 1;
    for (int extent : shape) {
      size *= extent;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + shape + " is too large");
      }
    }
    return (int) size;
  }

  /** {@code [13, 4]}. */
  public static String text(List<Integer> shape) {
    return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The graph variable of element {@code flat} of {@code name}: {@code W[1,2]}. */
  public static String elementName(String name, List<Integer> shape, int flat) {
    return ParameterInfo.elementName(name, shape, flat);
  }

  /** The column of element {@code i} of a vector input that does not name its columns. */
  public static String columnName(String input, int i) {
    return input + i;
  }

  /** The multi-index of row-major position {@code flat}. */
  /** Indices to write after an array of {@code rank} axes, for hints: {@code [j, k]}. */
  public static String indexExample(int rank) {
    StringBuilder text = new StringBuilder("[");
    for (int d = 0; d < rank; d++) {
      text.append(d == 0 ? "" : ", ").append((char) ('j' + d % 16));
    }
    return text.append(']').toString();
  }

  public static int[] unflatten(List<Integer> shape, int flat) {
    int[] index = new int[shape.size()];
    for (int i = shape.size() - 1; i >= 0; i--) {
      index[i] = flat % shape.get(i);
      flat /= shape.get(i);
    }
    return index;
  }
}
