package org.symgrad.compiler.api;

/**
 * A loss written as an expression in the prediction and the target, as a model file's {@code
 * loss (pred - target)^2}. From Kotlin: {@code loss { pred, target -> abs(pred - target) }}.
 */
@FunctionalInterface
public interface LossFunction {

  /** The loss of one row, in terms of {@code pred} and {@code target} and numbers only. */
  Expr loss(Expr pred, Expr target);
}
