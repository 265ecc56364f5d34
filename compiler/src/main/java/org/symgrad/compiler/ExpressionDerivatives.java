package org.symgrad.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
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
  /**
   * The most chars the derivatives of one expression print as, in all: each derivative of a
   * product of n variables names the n - 1 others, so n derivatives print as n² names, and
   * 3 000 of them as 68 million chars. Checked before printing: {@link ExpressionPrinter#length}.
   */
  public static final long MOST_PRINTED = 16L << 20;
  /**
   * The most work a Hessian may take, as variables × the gradient's nodes: it differentiates
   * the gradient once for each variable, and its nodes grow with that product (a product of
   * 300 variables: 358 792 nodes), so it is checked before any second derivative is made.
   */
  public static final long MOST_HESSIAN_WORK = 1L << 22;

  private final String text;
  private final Graph graph;
  private final Simplifier simplifier;
  private final Node expression;
  private final List<Node> variables;
  private final Map<Node, Node> gradient;
  private Map<Node, Map<Node, Node>> hessian;

  private ExpressionDerivatives(String text, Graph graph, Simplifier simplifier,
      Node expression, List<Node> variables, Map<Node, Node> gradient) {
    this.text = text;
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
    return new ExpressionDerivatives(text, graph, simplifier, expression, variables, gradient);
  }

  /** The free variables, in order of first appearance. */
  public List<String> variableNames() {
    return variables.stream().map(Node::name).toList();
  }

  /**
   * The simplified expression as text, cut to about {@code limit} characters.
   *
   * @throws SymgradException (SG120) if that is more than {@link #MOST_PRINTED} chars
   */
  public String simplified(int limit) {
    checkPrinted(List.of(expression), limit, "the expression prints");
    return ExpressionPrinter.print(expression, Map.of(), limit);
  }

  /**
   * Each variable's simplified derivative as text, each cut to about {@code limit}.
   *
   * @throws SymgradException (SG120) if they print as more than {@link #MOST_PRINTED} chars in
   *     all, before any is printed
   */
  public Map<String, String> derivatives(int limit) {
    checkPrinted(gradient.values(), limit, "the derivatives print");
    Map<String, String> texts = new LinkedHashMap<>();
    gradient.forEach((variable, d) ->
        texts.put(variable.name(), ExpressionPrinter.print(d, Map.of(), limit)));
    return texts;
  }

  /**
   * The simplified second derivatives as text, upper triangle: {@code "k" -> {"t" -> "…"}},
   * the very entries the Hessian kernels of {@code fit --optimizer newton} compile.
   *
   * @throws SymgradException (SG120) if the Hessian takes more than {@link #MOST_HESSIAN_WORK}
   *     to make, or prints as more than {@link #MOST_PRINTED} chars in all
   */
  public Map<String, Map<String, String>> secondDerivatives(int limit) {
    List<Node> order = new ArrayList<>(hessianNodes().keySet());
    List<Node> entries = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      for (int j = i; j < order.size(); j++) {
        entries.add(hessianNodes().get(order.get(i)).get(order.get(j)));
      }
    }
    checkPrinted(entries, limit, "the second derivatives print");
    Map<String, Map<String, String>> printed = new LinkedHashMap<>();
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
      checkHessianWork();
      hessian = SecondOrder.hessian(graph, expression, variables);
    }
    return hessian;
  }

  // Each text is cut after limit chars with '…': limit + 1 chars at most.
  private void checkPrinted(java.util.Collection<Node> roots, int limit, String what) {
    long total = 0;
    for (long length : ExpressionPrinter.lengths(List.copyOf(roots))) {
      total += Math.min(length, limit + 1L);
    }
    if (total > MOST_PRINTED) {
      throw tooLarge(what + " as " + total + " characters, more than " + MOST_PRINTED
          + ", the most symgrad prints for one expression", "a product or a power of many "
          + "variables repeats the others in each derivative; differentiate smaller parts");
    }
  }

  private void checkHessianWork() {
    long work = (long) variables.size() * graph.size();
    if (work > MOST_HESSIAN_WORK) {
      throw tooLarge("the Hessian of " + variables.size() + " variables over a gradient of "
          + graph.size() + " nodes takes " + work + " steps, more than " + MOST_HESSIAN_WORK
          + ", the most symgrad takes for one expression", "the Hessian differentiates the "
          + "gradient once for each variable; use fewer variables");
    }
  }

  // The whole (first line of the) expression is marked: the size comes from all of it.
  private SymgradException tooLarge(String message, String hint) {
    String line = text.lines().findFirst().orElse("");
    return new SymgradException(new Diagnostic(ErrorCode.TOO_LARGE, Expressions.SOURCE, 1, 1,
        line.length(), message, line, hint));
  }

  /** Only the names: {@code [x, y]}. */
  @Override
  public String toString() {
    return "ExpressionDerivatives" + new ArrayList<>(variableNames());
  }
}
