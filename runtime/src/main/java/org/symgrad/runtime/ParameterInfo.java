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
    return shape.stream().reduce(1, Math::multiplyExact);
  }

  /** Whether this is a scalar parameter. */
  public boolean isScalar() {
    return shape.isEmpty();
  }
}
