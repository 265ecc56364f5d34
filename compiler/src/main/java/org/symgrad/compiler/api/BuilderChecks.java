package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.symgrad.compiler.model.IndexRules;
import org.symgrad.compiler.model.ParamRules;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.runtime.Initializer;

/**
 * The checks a builder makes on one call's arguments, with the messages a model file's errors
 * would give: a shape, an initializer, an expression's free indices.
 */
final class BuilderChecks {
  private BuilderChecks() {}

  static void checkShape(String name, List<Integer> shape) {
    if (shape.isEmpty()) {
      throw new IllegalArgumentException("parameter '" + name + "' has an empty shape: for a"
          + " number, call param(name, initializer)");
    }
    for (Integer extent : shape) {
      if (extent == null || !ParamRules.isExtent(extent)) {
        throw new IllegalArgumentException("parameter '" + name + "' has extent " + extent
            + ": each extent is a whole number of at least 1");
      }
    }
    if (ParamRules.isTooLarge(shape)) {
      throw new IllegalArgumentException("parameter '" + name + "' has more than "
          + Shapes.MAX_ELEMENTS + " elements: symgrad writes arrays out element by element");
    }
  }

  static void checkInitializer(String name, Initializer initializer) {
    Objects.requireNonNull(initializer, "initializer");
    if (!ParamRules.isFinite(initializer)) {
      throw new IllegalArgumentException("the initializer of parameter '" + name + "' is "
          + initializer + ": its numbers must be finite, as a model file's must");
    }
  }

  /**
   * The shape of a line over {@code indices}, {@code let h[j, k] = value} or {@code model
   * out[k] = value}: each index used by {@code value}, whose ranges give the extents, bound
   * once and not again by a sum inside; no other index left free.
   *
   * @param example an index and the array that gives it its range: {@code "j in w[j]"}
   * @param orOnTheLine how else an unbound index could be bound, or empty
   */
  static List<Integer> lineShape(String where, List<Index> indices, Expr value, String example,
      String orOnTheLine) {
    List<Integer> shape = new ArrayList<>();
    for (Index index : indices) {
      boolean twice = indices.indexOf(index) != indices.lastIndexOf(index);
      if (IndexRules.refusal(twice, false) != null) {
        throw new IllegalArgumentException("index '" + index + "' is bound twice by " + where);
      }
      if (IndexRules.refusal(value.bound().contains(index.name()), false) != null) {
        throw new IllegalArgumentException("index '" + index + "' of " + where + " is bound"
            + " again by a sum inside it; give one of them another name");
      }
      Expr.Range range = value.free().get(index.name());
      if (range == null) {
        throw new IllegalArgumentException("index '" + index + "' of " + where + " is not"
            + " used, so its range is unknown: an index takes its range from the arrays it"
            + " indexes, as " + example);
      }
      shape.add(range.extent());
    }
    for (String free : value.free().keySet()) {
      if (!indices.contains(Index.of(free))) {
        throw unbound(free, value, where, orOnTheLine);
      }
    }
    return shape;
  }

  static void requireNoFreeIndex(Expr expr, String where) {
    if (!expr.free().isEmpty()) {
      String free = expr.free().keySet().iterator().next();
      throw unbound(free, expr, where, "");
    }
  }

  static IllegalArgumentException unbound(String index, Expr expr, String where,
      String orOnTheLine) {
    return new IllegalArgumentException("unbound index '" + index + "' in " + where + ": "
        + expr + " is over " + String.join(", ", expr.free().keySet()) + "; bind it with sum("
        + index + ", …)" + (orOnTheLine.isEmpty() ? "" : " or " + orOnTheLine));
  }
}
