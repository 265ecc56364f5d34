package org.symgrad.compiler.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ElementVariables;
import org.symgrad.compiler.model.Shapes;

/**
 * What a name stands for in an expression: one node for a scalar (empty shape), or the nodes
 * of an array in row-major order: the elements of {@code param W[13, 4]}, the columns of
 * {@code input x[4]}, the values of {@code let h[j]}, the outputs of a vector model.
 *
 * <p>The value the one checker, {@code ModelReader}, makes of a line it has read, a file's or a
 * builder's: it keeps the lets and the prediction as these, and {@link #elementsByName} names
 * a model's lets for its {@code ModelDefinition}. A builder's expression gets these from
 * {@link LineScope} for the names it uses.
 *
 * @param role how messages name it: {@code "a param"}, {@code "the prediction"}
 * @param failed whether it stands in for a declaration whose line failed to read, whose error
 *     is reported already: indexing it abandons the expression instead of raising a second
 */
public record Declared(String role, List<Integer> shape, List<Node> elements, boolean failed) {

  public Declared {
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

  public boolean isScalar() {
    return shape.isEmpty();
  }

  /** The node of a scalar. */
  public Node node() {
    if (!isScalar()) {
      throw new IllegalStateException("not a scalar: shape " + shape);
    }
    return elements.get(0);
  }

  /**
   * The nodes of {@code lets} under the names a {@code ModelDefinition} gives them, in order:
   * a scalar let by its name, an array let's elements by theirs, {@code h[0]}, {@code h[1]}, …
   */
  static Map<String, Node> elementsByName(Map<String, Declared> lets) {
    Map<String, Node> elements = new LinkedHashMap<>();
    lets.forEach((name, let) -> {
      for (int i = 0; i < let.elements().size(); i++) {
        elements.put(Shapes.elementName(name, let.shape(), i), let.elements().get(i));
      }
    });
    return elements;
  }
}
