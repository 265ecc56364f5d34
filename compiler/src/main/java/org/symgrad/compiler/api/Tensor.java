package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.List;
import org.symgrad.compiler.model.Shapes;

/**
 * An array of a model: a vector or matrix parameter ({@link ModelBuilder#param(String, List,
 * org.symgrad.runtime.Initializer)}), a vector input ({@link ModelBuilder#input(String, int)})
 * or a let over indices ({@link ModelBuilder#let(String, Index, Expr)}). It is not a number
 * itself; its elements are, picked by {@code get}, which Kotlin writes {@code W[j, k]}:
 *
 * <pre>{@code
 * Tensor w = m.param("W", shape(13, 4), linearInit(4));
 * Expr wjk = w.get(j, k);          // W[j, k]; Kotlin: W[j, k]
 * Expr w0k = w.get(0, k);          // W[0, k]
 * }</pre>
 *
 * <p>Each subscript is an {@link Index} or a whole number within its axis. Immutable.
 */
public final class Tensor {
  private final String name;
  private final List<Integer> shape;
  private final String description;

  Tensor(String name, List<Integer> shape, String description) {
    this.name = name;
    this.shape = List.copyOf(shape);
    this.description = description;
  }

  public String name() {
    return name;
  }

  /** The extent of each axis: {@code [13, 4]}. */
  public List<Integer> shape() {
    return shape;
  }

  /** How messages call it: {@code "parameter 'W' of shape [13, 4]"}. */
  String description() {
    return description + " '" + name + "' of shape " + Shapes.text(shape);
  }

  /**
   * The element at {@code subscripts}, one for each axis.
   *
   * @throws IllegalArgumentException for a wrong number of subscripts, or an index that
   *     ranges over two different extents here ({@code A[i, i]} of a 3 by 4 {@code A})
   */
  public Expr get(Index... subscripts) {
    return Expr.element(this, List.of((Object[]) subscripts));
  }

  /**
   * The element at those positions.
   *
   * @throws IllegalArgumentException for a wrong number of positions, or one out of range
   */
  public Expr get(int... positions) {
    List<Object> subscripts = new ArrayList<>();
    for (int position : positions) {
      subscripts.add(position);
    }
    return Expr.element(this, subscripts);
  }

  /** {@code W[j, 0]}. */
  public Expr get(Index first, int second) {
    return Expr.element(this, List.of(first, second));
  }

  /** {@code W[0, k]}. */
  public Expr get(int first, Index second) {
    return Expr.element(this, List.of(first, second));
  }

  /** {@code W[13, 4]}: the name and the shape. */
  @Override
  public String toString() {
    return name + Shapes.text(shape).replace(" ", "");
  }
}
