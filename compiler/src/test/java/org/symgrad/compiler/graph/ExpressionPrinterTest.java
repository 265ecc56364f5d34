package org.symgrad.compiler.graph;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The printer's exact text; its round trip through the parser is tested in {@code parse}. */
class ExpressionPrinterTest {
  private final Graph g = new Graph();
  private final Node x = g.variable("x");
  private final Node y = g.variable("y");

  @Test
  void fewestParentheses() {
    assertThat(ExpressionPrinter.print(g.mul(g.add(x, y), g.neg(y)))).isEqualTo("(x + y) * -y");
    assertThat(ExpressionPrinter.print(g.sub(x, g.add(x, y)))).isEqualTo("x - (x + y)");
    assertThat(ExpressionPrinter.print(g.pow(g.pow(x, y), g.neg(g.pow(x, y)))))
        .isEqualTo("(x^y)^-x^y");
    assertThat(ExpressionPrinter.print(g.pow(g.constant(-2), x))).isEqualTo("(-2)^x");
    assertThat(ExpressionPrinter.print(g.apply(Op.MAX, g.add(x, y), g.constant(0.5))))
        .isEqualTo("max(x + y, 0.5)");
    assertThat(ExpressionPrinter.print(g.div(x, g.mul(x, y)))).isEqualTo("x / (x * y)");
  }

  @Test
  void addingANegativeConstantPrintsAsSubtraction() {
    assertThat(ExpressionPrinter.print(g.add(x, g.constant(-2)))).isEqualTo("x - 2");
    // -0 too: its sign bit is set, though -0 < 0 is false.
    assertThat(ExpressionPrinter.print(g.add(x, g.constant(-0.0)))).isEqualTo("x - 0");
    assertThat(ExpressionPrinter.print(g.add(x, g.constant(0.0)))).isEqualTo("x + 0");
  }

  @Test
  void aDeepChainPrintsInLinearSpace() {
    // A 200 000-deep chain: keeping each level's text would need ~40 GB of chars.
    Node node = x;
    for (int i = 0; i < 100_000; i++) {
      node = g.neg(g.mul(g.constant(2), node));
    }
    String text = ExpressionPrinter.print(node);
    int n = 100_000;
    assertThat(text.length()).isEqualTo(n * "-(2 * )".length() + 1);
    // Compare the parts, not the text: a failure must not print 700 000 chars.
    assertThat(text.substring(0, 6 * n).equals("-(2 * ".repeat(n))).isTrue();
    assertThat(text.substring(6 * n).equals("x" + ")".repeat(n))).isTrue();
  }
}
