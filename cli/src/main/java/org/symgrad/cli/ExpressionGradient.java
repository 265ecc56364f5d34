package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * One expression of {@code symgrad grad}: its variables in order of appearance, its simplified
 * symbolic gradient and, on demand, its Hessian, each evaluated at given points.
 */
final class ExpressionGradient {
  // The text of a derivative can grow with the square of the expression's depth or faster
  // (that of sin(sin(…sin(x))) repeats every inner part); past this it is cut, ending in '…'.
  static final int TEXT_LIMIT = 1_000_000;

  private final Node expression;
  private final List<Node> variables;
  private final Map<Node, Node> gradient;
  private final Graph graph;
  private final Simplifier simplifier;
  private Map<String, String> derivatives;
  private Map<Node, Map<Node, Node>> hessian;

  /** Parses and differentiates {@code text}; throws {@code SymgradException} if it is bad. */
  ExpressionGradient(String text) {
    graph = new Graph();
    simplifier = new Simplifier(graph);
    Expressions.Parsed parsed = Expressions.parseWithVariables(text, graph);
    expression = simplifier.simplify(parsed.node());
    // From the text, not the simplified node: x in "x^0" is still a variable, of derivative 0.
    variables = new ArrayList<>(parsed.variables());
    gradient = new LinkedHashMap<>();
    ReverseDiff.gradient(graph, expression, variables)
        .forEach((variable, d) -> gradient.put(variable, simplifier.simplify(d)));
  }

  List<String> variableNames() {
    return variables.stream().map(Node::name).toList();
  }

  String simplified() {
    return ExpressionPrinter.print(expression, Map.of(), TEXT_LIMIT);
  }

  /** Each variable's simplified derivative, printed once. */
  Map<String, String> derivatives() {
    if (derivatives == null) {
      derivatives = new LinkedHashMap<>();
      gradient.forEach((variable, d) ->
          derivatives.put(variable.name(), ExpressionPrinter.print(d, Map.of(), TEXT_LIMIT)));
    }
    return derivatives;
  }

  /** The JSON answer at {@code point}: value, gradient, derivative and maybe hessian. */
  ObjectNode at(Map<String, Double> point, boolean withHessian) {
    Evaluator evaluator = new Evaluator(valuesFor(point));
    ObjectNode answer = Json.object();
    answer.set("value", Json.number(evaluator.valueOf(expression)));
    ObjectNode gradientValues = answer.putObject("gradient");
    gradient.forEach((variable, d) ->
        gradientValues.set(variable.name(), Json.number(evaluator.valueOf(d))));
    ObjectNode derivative = answer.putObject("derivative");
    derivatives().forEach(derivative::put);
    if (withHessian) {
      ObjectNode rows = answer.putObject("hessian");
      hessian().forEach((row, columns) -> {
        ObjectNode entries = rows.putObject(row.name());
        columns.forEach((column, d) -> entries.set(column.name(),
            Json.number(evaluator.valueOf(d))));
      });
    }
    return answer;
  }

  /** The answer without a point: the simplified derivatives only. */
  ObjectNode symbolic() {
    ObjectNode answer = Json.object();
    ObjectNode derivative = answer.putObject("derivative");
    derivatives().forEach(derivative::put);
    return answer;
  }

  // Second derivatives, once, on demand: SecondOrder.hessian, the very entries that the
  // Hessian kernels of fit --optimizer newton compile.
  private Map<Node, Map<Node, Node>> hessian() {
    if (hessian == null) {
      hessian = SecondOrder.hessian(graph, expression, variables);
    }
    return hessian;
  }

  /** The simplified second derivatives, printed: {@code "k" -> {"t" -> "…"}}, upper triangle. */
  Map<String, Map<String, String>> secondDerivatives() {
    Map<String, Map<String, String>> printed = new LinkedHashMap<>();
    List<Node> order = new ArrayList<>(hessian().keySet());
    for (int i = 0; i < order.size(); i++) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int j = i; j < order.size(); j++) {
        row.put(order.get(j).name(), ExpressionPrinter.print(
            hessian().get(order.get(i)).get(order.get(j)), Map.of(), TEXT_LIMIT));
      }
      printed.put(order.get(i).name(), row);
    }
    return printed;
  }

  private Map<String, Double> valuesFor(Map<String, Double> point) {
    List<String> missing = variableNames().stream().filter(v -> !point.containsKey(v)).toList();
    if (!missing.isEmpty()) {
      throw new UsageException("--at gives no value for " + String.join(", ", missing)
          + "; the expression's variables are " + String.join(", ", variableNames()));
    }
    return point;
  }
}
