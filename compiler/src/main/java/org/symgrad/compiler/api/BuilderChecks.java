package org.symgrad.compiler.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.model.IndexRules;
import org.symgrad.compiler.model.LossRules;
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

  // Whether any element or sum is in expr; iterative, as an expression may be deep.
  static boolean hasArrays(Expr expr) {
    Deque<Expr> pending = new ArrayDeque<>();
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.push(expr);
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (e.kind() == Expr.Kind.ELEMENT || e.kind() == Expr.Kind.SUM) {
        return true;
      }
      for (Expr input : e.inputs()) {
        if (seen.add(input)) {
          pending.push(input);
        }
      }
    }
    return false;
  }

  /**
   * The loss of model {@code name}, {@code loss} as set or null: mse by default;
   * cross_entropy for class scores (a {@code vector} of outputs), and only there.
   */
  static Loss chooseLoss(@Nullable Loss loss, boolean vector, int outputCount, String name) {
    LossRules.Takes takes = loss == null ? LossRules.Takes.DEFAULT : loss.takes();
    LossRules.Misfit misfit = LossRules.misfit(takes, vector, outputCount);
    if (misfit != null) {
      throw new IllegalStateException(switch (misfit) {
        case NEEDS_CLASS_SCORES -> "cross_entropy needs a vector of 2 or more class scores,"
            + " but model '" + name + "' has one output: predict(\"score\", k, …), one score"
            + " per class";
        case NEEDS_A_LOSS -> "model '" + name + "' has " + outputCount + " outputs, so it"
            + " needs a loss: cross_entropy for class scores";
        case NEEDS_ONE_PREDICTION -> loss.text() + " compares one prediction with the target,"
            + " but model '" + name + "' has " + outputCount + " outputs; for classes, use"
            + " cross_entropy";
        case NEEDS_TWO_CLASSES -> "cross_entropy needs a vector of 2 or more class scores,"
            + " but model '" + name + "' has a vector of one; for two classes, bce_logits on"
            + " one score is the same";
      });
    }
    return loss == null ? Loss.MSE : loss;
  }
}
