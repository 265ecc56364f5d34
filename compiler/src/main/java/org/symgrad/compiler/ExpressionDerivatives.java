package org.symgrad.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.parse.Expressions;
import org.symgrad.compiler.second.SecondOrder;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * One expression of free variables, differentiated ({@link Symgrad#gradient}): its variables
 * in order of appearance, its simplified symbolic gradient and, on demand, its Hessian, each
 * printable and evaluable at a point. Not thread-safe (the Hessian is built on first use).
 *
 * <pre>{@code
 * ExpressionDerivatives d = Symgrad.gradient("sin(x) * y");
 * d.derivatives(1000);                     // {x=cos(x) * y, y=sin(x)}
 * d.at(Map.of("x", 1.5, "y", -2.0)).gradient();
 * }</pre>
 */
public final class ExpressionDerivatives {
  private final Graph graph;
  private final Simplifier simplifier;
  private final Node expression;
  private final List<Node> variables;
  private final Map<Node, Node> gradient;
  private Map<Node, Map<Node, Node>> hessian;

  private ExpressionDerivatives(Graph graph, Simplifier simplifier, Node expression,
      List<Node> variables, Map<Node, Node> gradient) {
    this.graph = graph;
    this.simplifier = simplifier;
    this.expression = expression;
    this.variables = variables;
    this.gradient = gradient;
  }

  // parse → graph → simplify → diff → simplify, the pipeline of one expression.
  static ExpressionDerivatives of(String text) {
    Graph graph = new Graph();
    Simplifier simplifier = new Simplifier(graph);
    Expressions.Parsed parsed = Expressions.parseWithVariables(text, graph);
    Node expression = simplifier.simplify(parsed.node());
    // From the text, not the simplified node: x in "x^0" is still a variable, of derivative 0.
    List<Node> variables = parsed.variables();
    Map<Node, Node> gradient = new LinkedHashMap<>();
    ReverseDiff.gradient(graph, expression, variables)
        .forEach((variable, d) -> gradient.put(variable, simplifier.simplify(d)));
    return new ExpressionDerivatives(graph, simplifier, expression, variables, gradient);
  }

  /** The free variables, in order of first appearance. */
  public List<String> variableNames() {
    return variables.stream().map(Node::name).toList();
  }

  /** The simplified expression as text, cut to about {@code limit} characters. */
  public String simplified(int limit) {
    return ExpressionPrinter.print(expression, Map.of(), limit);
  }

  /** Each variable's simplified derivative as text, each cut to about {@code limit}. */
  public Map<String, String> derivatives(int limit) {
    Map<String, String> texts = new LinkedHashMap<>();
    gradient.forEach((variable, d) ->
        texts.put(variable.name(), ExpressionPrinter.print(d, Map.of(), limit)));
    return texts;
  }

  /**
   * The simplified second derivatives as text, upper triangle: {@code "k" -> {"t" -> "…"}},
   * the very entries the Hessian kernels of {@code fit --optimizer newton} compile.
   */
  public Map<String, Map<String, String>> secondDerivatives(int limit) {
    Map<String, Map<String, String>> printed = new LinkedHashMap<>();
    List<Node> order = new ArrayList<>(hessianNodes().keySet());
    for (int i = 0; i < order.size(); i++) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int j = i; j < order.size(); j++) {
        row.put(order.get(j).name(), ExpressionPrinter.print(
            hessianNodes().get(order.get(i)).get(order.get(j)), Map.of(), limit));
      }
      printed.put(order.get(i).name(), row);
    }
    return printed;
  }

  /**
   * The values at {@code point}, which names every variable.
   *
   * @throws IllegalArgumentException if it lacks one
   */
  public Point at(Map<String, Double> point) {
    return new Point(new Evaluator(point));
  }

  /** Values at one point, evaluated on demand, sharing what they have in common. */
  public final class Point {
    private final Evaluator evaluator;

    private Point(Evaluator evaluator) {
      this.evaluator = evaluator;
    }

    /** The expression's value. */
    public double value() {
      return evaluator.valueOf(expression);
    }

    /** Each variable's partial derivative, in {@link #variableNames()} order. */
    public Map<String, Double> gradient() {
      Map<String, Double> values = new LinkedHashMap<>();
      gradient.forEach((variable, d) -> values.put(variable.name(), evaluator.valueOf(d)));
      return values;
    }

    /** The second derivatives, row by row, each row in {@link #variableNames()} order. */
    public Map<String, Map<String, Double>> hessian() {
      Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
      hessianNodes().forEach((row, columns) -> {
        Map<String, Double> entries = new LinkedHashMap<>();
        columns.forEach((column, d) -> entries.put(column.name(), evaluator.valueOf(d)));
        rows.put(row.name(), entries);
      });
      return rows;
    }
  }

  // Second derivatives, once, on first use: SecondOrder's, as the Hessian kernels have them.
  private Map<Node, Map<Node, Node>> hessianNodes() {
    if (hessian == null) {
      hessian = SecondOrder.hessian(graph, expression, variables);
    }
    return hessian;
  }

  /** Only the names: {@code [x, y]}. */
  @Override
  public String toString() {
    return "ExpressionDerivatives" + new ArrayList<>(variableNames());
  }
}
