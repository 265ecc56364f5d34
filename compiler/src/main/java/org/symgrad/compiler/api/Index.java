package org.symgrad.compiler.api;

import org.jspecify.annotations.Nullable;

/**
 * An index, as {@code j} in {@code sum(j, w[j] * x[j])}: a name that a sum ({@link
 * Expr#sum}) or a line ({@link ModelBuilder#let(String, Index, Expr)}) binds. As in a model
 * file, it has no declared range: the arrays it indexes give it one, and every use must agree.
 *
 * <p>An index is its name: two indices of one name are the same index, as the same letter is
 * in a file. Immutable.
 */
public final class Index {
  private final String name;

  private Index(String name) {
    this.name = name;
  }

  /**
   * The index called {@code name}.
   *
   * @throws IllegalArgumentException for a name a file could not bind: not an identifier,
   *     {@code pred}, {@code target}, {@code sum} or a function's name
   */
  public static Index of(String name) {
    Names.check(name, "index", false);
    return new Index(name);
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Index that && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
