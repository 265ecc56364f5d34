package org.symgrad.runtime;

import java.util.List;

/**
 * One named parameter: a scalar (empty shape) or an array, stored row-major at {@code offset}
 * in the flat parameter array.
 */
public record ParameterInfo(String name, List<Integer> shape, int offset, Initializer initializer) {

  public ParameterInfo {
    shape = List.copyOf(shape);
    if (offset < 0) {
      throw new IllegalArgumentException("parameter " + name + " has negative offset " + offset);
    }
    for (int extent : shape) {
      if (extent <= 0) {
        throw new IllegalArgumentException("parameter " + name + " has extent " + extent);
      }
    }
  }

  /** A scalar parameter. */
  public static ParameterInfo scalar(String name, int offset, Initializer initializer) {
    return new ParameterInfo(name, List.of(), offset, initializer);
  }

  /** The number of elements: 1 for a scalar. */
  public int size() {
    int size = 1;
    for (int extent : shape) {
      size = Math.multiplyExact(size, extent);
    }
    return size;
  }

  /** Whether this is a scalar parameter. */
  public boolean isScalar() {
    return shape.isEmpty();
  }

  /** Element {@code within} of this parameter as a model writes it: {@code W[1,2]}, or the name. */
  public String elementName(int within) {
    return elementName(name, shape, within);
  }

  /**
   * Element {@code flat} (row-major) of an array {@code name} of {@code shape} as a model writes
   * it: {@code name[i,j]}, or {@code name} alone for a scalar. The one spelling used by the
   * compiler's variables, messages, statistics and result columns.
   */
  public static String elementName(String name, List<Integer> shape, int flat) {
    if (shape.isEmpty()) {
      return name;
    }
    int[] index = new int[shape.size()];
    for (int axis = shape.size() - 1; axis >= 0; axis--) {
      index[axis] = flat % shape.get(axis);
      flat /= shape.get(axis);
    }
    StringBuilder text = new StringBuilder(name).append('[');
    for (int axis = 0; axis < index.length; axis++) {
      text.append(axis == 0 ? "" : ",").append(index[axis]);
    }
    return text.append(']').toString();
  }
}
