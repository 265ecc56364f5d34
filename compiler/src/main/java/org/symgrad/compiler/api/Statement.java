package org.symgrad.compiler.api;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.UseRules.Place;

/**
 * A line with an expression, in the order given: a let (named {@code let}), the prediction
 * or the penalty, each the {@link Place} the shared rules of use ({@code UseRules}) take;
 * {@code where} says which in messages.
 */
record Statement(Place part, String where, Expr expr, @Nullable String let, List<Index> indices) {

  Statement(Place part, String where, Expr expr, @Nullable String let) {
    this(part, where, expr, let, List.of());
  }

  /**
   * The text of the prediction or the penalty: its nodes printed, each let by its name; or,
   * when it has sums or arrays, which the nodes have written out, the expression as given,
   * each scalar let by its name; {@code outputName} is a vector model's output's.
   */
  static String text(List<Statement> statements, Place part, Node node,
      Map<Node, String> letNames, @Nullable String outputName) {
    Statement statement = statements.stream().filter(s -> s.part() == part).findFirst()
        .orElseThrow();
    Expr expr = statement.expr();
    if (!BuilderChecks.hasArrays(expr)) {
      return ExpressionPrinter.print(node, letNames);
    }
    String output = part == Place.MODEL && outputName != null
        ? outputName + "[" + statement.indices().get(0) + "] = " : "";
    Map<Expr, String> scalarLets = new IdentityHashMap<>();
    for (Statement s : statements) {
      if (s.part() == Place.LET && s.indices().isEmpty() && s.expr() != expr) {
        scalarLets.putIfAbsent(s.expr(), s.let());
      }
    }
    return output + Expr.text(expr, scalarLets);
  }}
