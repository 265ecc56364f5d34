package org.symgrad.compiler.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates nodes by walking the graph: the reference the compiled kernels are checked
 * against, the {@code grad} command's calculator, and the interpreter baseline of the
 * benchmarks. Iterative, so depth costs memory, not stack.
 */
public final class Evaluator {
  private final Map<String, Double> variables;
  private final Map<Node, Double> values = new HashMap<>();

  /** An evaluator with these variable values; it remembers what it computed. */
  public Evaluator(Map<String, Double> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The value of {@code node} given {@code variables}. */
  public static double evaluate(Node node, Map<String, Double> variables) {
    return new Evaluator(variables).valueOf(node);
  }

  /** The value of {@code root}. */
  public double valueOf(Node root) {
    PostOrder.fill(List.of(root), values, this::compute);
    return values.get(root);
  }

  private double compute(Node node) {
    List<Node> in = node.inputs();
    return switch (node.op().arity()) {
      case 0 -> node.isConstant() ? node.value() : variable(node.name());
      case 1 -> node.op().apply(values.get(in.get(0)));
      case 2 -> node.op().apply(values.get(in.get(0)), values.get(in.get(1)));
      default -> node.op().apply(values.get(in.get(0)), values.get(in.get(1)),
          values.get(in.get(2)));
    };
  }

  private double variable(String name) {
    Double value = variables.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no value for variable '" + name + "'");
    }
    return value;
  }
}
