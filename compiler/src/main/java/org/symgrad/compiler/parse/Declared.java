package org.symgrad.compiler.parse;

import java.util.List;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ElementVariables;
import org.symgrad.compiler.model.Shapes;

/**
 * What a name stands for in an expression: one node for a scalar (empty shape), or the nodes
 * of an array in row-major order: the elements of {@code param W[13, 4]}, the columns of
 * {@code input x[4]}, the values of {@code let h[j]}, the outputs of a vector model.
 *
 * @param role how messages name it: {@code "a param"}, {@code "the prediction"}
 * @param failed whether it stands in for a declaration whose line failed to read, whose error
 *     is reported already: indexing it abandons the expression instead of raising a second
 */
record Declared(String role, List<Integer> shape, List<Node> elements, boolean failed) {

  Declared {
    shape = List.copyOf(shape);
    // A param's lazy elements stay lazy: copying would make every one of them.
    elements = elements instanceof ElementVariables ? elements : List.copyOf(elements);
    if (elements.size() != Shapes.size(shape)) {
      throw new IllegalArgumentException(
          elements.size() + " elements for shape " + shape);
    }
  }

  Declared(String role, List<Integer> shape, List<Node> elements) {
    this(role, shape, elements, false);
  }

  static Declared scalar(String role, Node node) {
    return new Declared(role, List.of(), List.of(node));
  }

  /** The stand-in for a declaration that failed to read. */
  static Declared failed(Node placeholder) {
    return new Declared("a failed declaration", List.of(), List.of(placeholder), true);
  }

  boolean isScalar() {
    return shape.isEmpty();
  }

  /** The node of a scalar. */
  Node node() {
    if (!isScalar()) {
      throw new IllegalStateException("not a scalar: shape " + shape);
    }
    return elements.get(0);
  }
}
