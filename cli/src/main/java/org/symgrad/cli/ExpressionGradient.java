package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.ExpressionDerivatives;
import org.symgrad.compiler.Symgrad;
import org.symgrad.io.Quote;

/**
 * One expression of {@code symgrad grad} as JSON: {@link Symgrad#gradient} does the work, this
 * writes its answers and checks that each point names every variable.
 */
final class ExpressionGradient {
  // The text of a derivative can grow with the square of the expression's depth or faster
  // (that of sin(sin(…sin(x))) repeats every inner part); past this it is cut, ending in '…'.
  static final int TEXT_LIMIT = 1_000_000;

  private final ExpressionDerivatives derivatives;
  private Map<String, String> texts;

  /** Parses and differentiates {@code text}; throws {@code SymgradException} if it is bad. */
  ExpressionGradient(String text) {
    derivatives = Symgrad.gradient(text);
  }

  List<String> variableNames() {
    return derivatives.variableNames();
  }

  String simplified() {
    return derivatives.simplified(TEXT_LIMIT);
  }

  /** Each variable's simplified derivative, printed once. */
  Map<String, String> derivatives() {
    if (texts == null) {
      texts = derivatives.derivatives(TEXT_LIMIT);
    }
    return texts;
  }

  /** The JSON answer at {@code point}: value, gradient, derivative and maybe hessian. */
  ObjectNode at(Map<String, Double> point, boolean withHessian) {
    ExpressionDerivatives.Point values = derivatives.at(valuesFor(point));
    ObjectNode answer = Json.object();
    answer.set("value", Json.number(values.value()));
    ObjectNode gradientValues = answer.putObject("gradient");
    values.gradient().forEach((name, value) -> gradientValues.set(name, Json.number(value)));
    ObjectNode derivative = answer.putObject("derivative");
    derivatives().forEach(derivative::put);
    if (withHessian) {
      ObjectNode rows = answer.putObject("hessian");
      values.hessian().forEach((row, columns) -> {
        ObjectNode entries = rows.putObject(row);
        columns.forEach((column, value) -> entries.set(column, Json.number(value)));
      });
    }
    return answer;
  }

  /** The simplified second derivatives, printed: {@code "k" -> {"t" -> "…"}}, upper triangle. */
  Map<String, Map<String, String>> secondDerivatives() {
    return derivatives.secondDerivatives(TEXT_LIMIT);
  }

  /** The answer without a point: the simplified derivatives only. */
  ObjectNode symbolic() {
    ObjectNode answer = Json.object();
    ObjectNode derivative = answer.putObject("derivative");
    derivatives().forEach(derivative::put);
    return answer;
  }

  /** Refuses a point that leaves a variable without a value, before anything is printed. */
  void check(Map<String, Double> point) {
    valuesFor(point);
  }

  private Map<String, Double> valuesFor(Map<String, Double> point) {
    List<String> missing = variableNames().stream().filter(v -> !point.containsKey(v)).toList();
    if (!missing.isEmpty()) {
      throw new UsageException("--at gives no value for " + Quote.names(missing)
          + "; the expression's variables are " + Quote.names(variableNames()));
    }
    return point;
  }
}
