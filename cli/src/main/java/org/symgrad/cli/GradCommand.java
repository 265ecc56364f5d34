package org.symgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code symgrad grad}: an expression's value, gradient and simplified derivatives. */
@Command(name = "grad", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Differentiate an expression symbolically and evaluate it at points.",
        "With '-', read one expression a line from standard input and print one JSON line "
            + "each."})
final class GradCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  QuietOption quietOption;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPR|-",
      description = "The expression, such as \"sin(x) * y\"; '-' reads standard input.")
  String expression;

  @Option(names = "--at", paramLabel = "POINT",
      description = "Variable values, such as \"x=1.5,y=-2\"; repeat for more points.")
  List<String> at = new ArrayList<>();

  @Option(names = "--hessian", description = "Also print the second derivatives.")
  boolean hessian;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<Map<String, Double>> points = at.stream().map(Points::parse).toList();
    PrintWriter out = spec.commandLine().getOut();
    if ("-".equals(expression)) {
      return readStandardInput(points, out);
    }
    ExpressionGradient gradient = new ExpressionGradient(expression);
    if (json) {
      out.println(Json.line(answer(gradient, points)));
    } else {
      printText(gradient, points, out);
    }
    return 0;
  }

  /** The longest line of standard input read as an expression: 1 Mi characters. */
  static final int LONGEST_LINE = 1 << 20;

  // Output line N always answers input line N; bad lines answer with an error object.
  private int readStandardInput(List<Map<String, Double>> points, PrintWriter out)
      throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    int exitCode = 0;
    int lineNumber = 0;
    for (String line = BoundedLines.read(in, LONGEST_LINE, 1); line != null;
        line = BoundedLines.read(in, LONGEST_LINE, lineNumber + 1)) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1); // a byte order mark, accepted as in every other input
      }
      JsonNode answer;
      try {
        answer = answer(new ExpressionGradient(line), points);
      } catch (SymgradException e) {
        Diagnostic first = e.first();
        answer = lineError(first.message(), lineNumber).put("column", first.column());
        exitCode = 2;
      } catch (UsageException e) {
        answer = lineError(e.getMessage(), lineNumber);
        exitCode = 2;
      } catch (OutOfMemoryError e) {
        // Past what the limits foresee (SG120), on a small heap: what the line made is
        // garbage once it is left, so the next lines still have the heap.
        answer = lineError("out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
            + " MB of heap at most) on this line; give the JVM more with "
            + "SYMGRAD_JAVA_OPTS=-Xmx4g", lineNumber);
        exitCode = 2;
      }
      out.println(Json.line(answer));
      out.flush();
    }
    return exitCode;
  }

  private static ObjectNode lineError(String message, int lineNumber) {
    ObjectNode error = Json.object();
    error.put("error", message);
    error.put("line", lineNumber);
    return error;
  }

  private JsonNode answer(ExpressionGradient gradient, List<Map<String, Double>> points) {
    if (points.isEmpty()) {
      return gradient.symbolic();
    }
    if (points.size() == 1) {
      return gradient.at(points.get(0), hessian);
    }
    ArrayNode answers = Json.array();
    points.forEach(point -> answers.add(gradient.at(point, hessian)));
    return answers;
  }

  private void printText(ExpressionGradient gradient, List<Map<String, Double>> points,
      PrintWriter out) {
    // Every text first: a limit it reaches (SG120) is then said before anything is printed.
    String simplified = gradient.simplified();
    Map<String, String> derivatives = gradient.derivatives();
    Map<String, Map<String, String>> second = hessian ? gradient.secondDerivatives() : Map.of();
    points.forEach(gradient::check); // and every point, so an error comes before any output
    out.println("f = " + simplified);
    derivatives.forEach((variable, d) -> out.println("  df/d" + variable + " = " + d));
    second.forEach((row, columns) -> columns.forEach((column, d) ->
        out.println("  d2f/d" + row + "d" + column + " = " + d)));
    for (Map<String, Double> point : points) {
      ObjectNode answer = gradient.at(point, hessian);
      out.println("at " + point.toString().replaceAll("[{}]", "") + ":");
      // Json.line, not JsonNode.toString, which makes an ObjectMapper (as FitCommand says).
      out.println("  f = " + Json.line(answer.get("value")));
      answer.get("gradient").fields().forEachRemaining(entry ->
          out.println("  df/d" + entry.getKey() + " = " + Json.line(entry.getValue())));
      if (hessian) {
        answer.get("hessian").fields().forEachRemaining(row ->
            row.getValue().fields().forEachRemaining(entry -> out.println("  d2f/d"
                + row.getKey() + "d" + entry.getKey() + " = " + Json.line(entry.getValue()))));
      }
    }
  }
}
