package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/** {@code parse(print(e))} is {@code e} itself, for every node the parser makes. */
class PrinterRoundTripTest {

  private static void assertRoundTrip(String text) {
    Graph graph = new Graph();
    Node node = Expressions.parse(text, graph);
    String printed = ExpressionPrinter.print(node);
    assertThat(Expressions.parse(printed, graph)).isSameInstanceAs(node);
  }

  @Provide
  Arbitrary<String> expressions() {
    return RandomExpressions.valid(5);
  }

  @Property(tries = 2000)
  void printedExpressionsParseBackToTheSameNode(@ForAll("expressions") String text) {
    assertRoundTrip(text);
  }

  @Property(tries = 30)
  void deepExpressionsToo(@ForAll long seed, @ForAll @IntRange(min = 500, max = 3000) int depth) {
    assertRoundTrip(RandomExpressions.deep(seed, depth));
  }

  @Test
  void theCasesWhereNegationAndConstantsMeet() {
    for (String text : new String[] {
        "-2", "-0", "x - 0", "x + -0", "x - -2", "(-2)^2", "-2^2", "x^-2", "x^-2^-3", "2 * -3",
        "-2 * x", "x / -2", "2 - x", "-x + 2", "--x", "x - -y", "x - (y - z)", "-(x * y)",
        "(x^y)^z", "x^y^z", "-x^y", "sin(-2)", "pow(x, -0.5)", "x - 1.0e-5", "x - 4.9e-324",
        "1.0e15 - x", "-1.7976931348623157e308", "max(-x, -1) - min(-1, x)", "x * 2", "2 + x"}) {
      assertRoundTrip(text);
    }
  }

  @Test
  void aHundredThousandLevels() {
    int n = 100_000;
    assertRoundTrip("-".repeat(n) + "x");
    assertRoundTrip("x^".repeat(n) + "x");
    assertRoundTrip("x+1-".repeat(n) + "x");
  }
}
