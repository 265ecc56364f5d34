package org.symgrad.compiler.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.runtime.ParameterInfo;

/**
 * Which parameter element a graph variable is, read from its name ({@code W[1,2]}, {@code b}):
 * its position in the flat parameter array. Read from the name rather than listed from the
 * declared shapes, so that finding the elements a model uses costs what they are, not what
 * was declared ({@code param W[2048, 2048]} with one element used is one element).
 */
public final class ParamElements {
  private final Map<String, ParameterInfo> byName = new HashMap<>();

  /** The elements of {@code parameters}. */
  public ParamElements(List<ParameterInfo> parameters) {
    parameters.forEach(p -> byName.put(p.name(), p));
  }

  /**
   * The offset in the parameter array of the element named {@code variable}, or -1 when it is
   * no element of a parameter (an input column, a kernel's own variable).
   */
  public int offset(String variable) {
    int bracket = variable.indexOf('[');
    ParameterInfo p = byName.get(bracket < 0 ? variable : variable.substring(0, bracket));
    if (p == null || p.shape().isEmpty() != (bracket < 0)) {
      return -1;
    }
    if (bracket < 0) {
      return p.offset();
    }
    int flat = flat(p.shape(), variable.substring(bracket + 1, variable.length() - 1));
    return flat < 0 ? -1 : p.offset() + flat;
  }

  // Row-major position of "1,2" in the shape; -1 when the text is not an index of it.
  private static int flat(List<Integer> shape, String indices) {
    String[] parts = indices.split(",", -1);
    if (parts.length != shape.size()) {
      return -1;
    }
    int flat = 0;
    for (int axis = 0; axis < parts.length; axis++) {
      int index;
      try {
        index = Integer.parseInt(parts[axis]);
      } catch (NumberFormatException e) {
        return -1;
      }
      if (index < 0 || index >= shape.get(axis)) {
        return -1;
      }
      flat = flat * shape.get(axis) + index;
    }
    return flat;
  }
}
