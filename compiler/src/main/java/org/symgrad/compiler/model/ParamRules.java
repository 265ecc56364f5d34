package org.symgrad.compiler.model;

import java.util.List;
import org.symgrad.runtime.Initializer;

/**
 * The rules for declared arrays and parameters that a model file's lines and the builder's
 * calls both apply, each wording its own message: an extent is a whole number of at least 1,
 * an array holds at most {@link Shapes#MAX_ELEMENTS} elements and a model {@link
 * Shapes#MAX_MODEL_ELEMENTS}, an
 * initializer's numbers are finite, and {@code linear_init(fan_in)} is PyTorch's default.
 */
public final class ParamRules {
  private ParamRules() {}

  /** Whether {@code extent} may be an extent of an array: a whole number of at least 1. */
  public static boolean isExtent(double extent) {
    return extent >= 1 && extent == Math.rint(extent);
  }

  /**
   * Whether an array of these extents, each at least 1, has more than {@link
   * Shapes#MAX_ELEMENTS} elements (counted without overflow).
   */
  public static boolean isTooLarge(List<Integer> extents) {
    long size = 1;
    for (int extent : extents) {
      size = Math.min(size * extent, Shapes.MAX_ELEMENTS + 1L);
    }
    return size > Shapes.MAX_ELEMENTS;
  }

  /**
   * Whether params and inputs of {@code elements} elements in all are too many for one model
   * ({@link Shapes#MAX_MODEL_ELEMENTS}): each is a number in the parameters, the gradient and
   * an optimizer's state, used or not.
   */
  public static boolean isOverBudget(long elements) {
    return elements > Shapes.MAX_MODEL_ELEMENTS;
  }

  /**
   * Whether every value {@code initializer} can draw is a finite number: its numbers are
   * finite, and a uniform range's width is too ({@code low + (high - low) * u} would be
   * infinite or NaN for every draw otherwise).
   */
  public static boolean isFinite(Initializer initializer) {
    if (initializer instanceof Initializer.Constant c) {
      return Double.isFinite(c.value());
    }
    if (initializer instanceof Initializer.Uniform u) {
      return Double.isFinite(u.low()) && Double.isFinite(u.high() - u.low());
    }
    Initializer.Normal n = (Initializer.Normal) initializer;
    return Double.isFinite(n.mean()) && Double.isFinite(n.std());
  }

  /** Whether {@code fanIn} may be {@code linear_init}'s: a whole number of at least 1. */
  public static boolean isFanIn(double fanIn) {
    return fanIn >= 1 && fanIn < Double.POSITIVE_INFINITY && fanIn == Math.rint(fanIn);
  }

  /**
   * {@code linear_init(fan_in)}, PyTorch's default for {@code nn.Linear}: uniform on {@code
   * [-1/sqrt(fan_in), 1/sqrt(fan_in))}.
   *
   * @throws IllegalArgumentException when {@code fanIn} is not {@linkplain #isFanIn a fan_in}
   */
  public static Initializer linearInit(double fanIn) {
    if (!isFanIn(fanIn)) {
      throw new IllegalArgumentException("not a fan_in: " + fanIn);
    }
    double bound = 1 / Math.sqrt(fanIn);
    return new Initializer.Uniform(-bound, bound);
  }
}
