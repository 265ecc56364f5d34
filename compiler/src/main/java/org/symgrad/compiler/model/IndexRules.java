package org.symgrad.compiler.model;

import org.jspecify.annotations.Nullable;

/**
 * Which names an index may be bound under, by {@code sum(j, …)} or by a line ({@code let
 * h[j] = …}): the one rule that a model file's expressions and the builder's calls both apply,
 * each wording its own message. An index is a name of its own: not bound again while it is
 * bound, and not a declared name, so that {@code x} in an expression means one thing.
 */
public final class IndexRules {

  /** Why an index may not be bound under a name. */
  public enum Refusal {
    /** An enclosing sum or the line binds that name already. */
    BOUND_ALREADY,
    /** The name is declared: an input, the target, a param or a let. */
    DECLARED_NAME
  }

  private IndexRules() {}

  /**
   * Why an index may not be bound under a name, or null when it may.
   *
   * @param boundAlready whether the name is bound where the new binding is written
   * @param declared whether the model declares the name
   */
  public static @Nullable Refusal refusal(boolean boundAlready, boolean declared) {
    return boundAlready ? Refusal.BOUND_ALREADY : declared ? Refusal.DECLARED_NAME : null;
  }
}
