package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/** What expressions mean: precedence, associativity, calls, numbers and negation folding. */
class ExpressionParserTest {
  private final Graph g = new Graph();
  private final Node x = g.variable("x");
  private final Node y = g.variable("y");
  private final Node z = g.variable("z");

  private Node parse(String text) {
    return Expressions.parse(text, g);
  }

  private Node c(double value) {
    return g.constant(value);
  }

  @Test
  void productsBindTighterThanSums() {
    assertThat(parse("x + y * z")).isSameInstanceAs(g.add(x, g.mul(y, z)));
    assertThat(parse("x * y + z")).isSameInstanceAs(g.add(g.mul(x, y), z));
  }

  @Test
  void sumsAndProductsAreLeftAssociative() {
    assertThat(parse("x - y - z")).isSameInstanceAs(g.add(g.add(x, g.neg(y)), g.neg(z)));
    assertThat(parse("x / y / z")).isSameInstanceAs(g.div(g.div(x, y), z));
    assertThat(parse("x / y * z")).isSameInstanceAs(g.mul(g.div(x, y), z));
  }

  @Test
  void powerIsRightAssociative() {
    assertThat(parse("2^3^2")).isSameInstanceAs(g.pow(c(2), g.pow(c(3), c(2))));
    assertThat(parse("(2^3)^2")).isSameInstanceAs(g.pow(g.pow(c(2), c(3)), c(2)));
  }

  @Test
  void powerBindsTighterThanNegation() {
    assertThat(parse("-x^2")).isSameInstanceAs(g.neg(g.pow(x, c(2))));
    assertThat(parse("-2^2")).isSameInstanceAs(g.neg(g.pow(c(2), c(2))));
    assertThat(parse("(-2)^2")).isSameInstanceAs(g.pow(c(-2), c(2)));
  }

  @Test
  void negationBindsTighterThanProducts() {
    assertThat(parse("-x * y")).isSameInstanceAs(g.mul(g.neg(x), y));
    assertThat(parse("x * -y")).isSameInstanceAs(g.mul(x, g.neg(y)));
    assertThat(parse("x / -y ^ z")).isSameInstanceAs(g.div(x, g.neg(g.pow(y, z))));
  }

  @Test
  void anExponentMayBeNegated() {
    assertThat(parse("x^-2")).isSameInstanceAs(g.pow(x, c(-2)));
    assertThat(parse("x^-y^z")).isSameInstanceAs(g.pow(x, g.neg(g.pow(y, z))));
    // The exponent is a unary, not a term: x^-2 * y is (x^-2) * y.
    assertThat(parse("x^-2 * y")).isSameInstanceAs(g.mul(g.pow(x, c(-2)), y));
  }

  @Test
  void negationFoldsIntoConstantsOnly() {
    assertThat(parse("-2")).isSameInstanceAs(c(-2));
    assertThat(parse("-(2)")).isSameInstanceAs(c(-2));
    assertThat(parse("--2")).isSameInstanceAs(c(2));
    assertThat(parse("-0")).isSameInstanceAs(c(-0.0));
    assertThat(parse("-x")).isSameInstanceAs(g.neg(x));
    assertThat(parse("--x")).isSameInstanceAs(g.neg(g.neg(x)));
    assertThat(parse("-(x + 1)")).isSameInstanceAs(g.neg(g.add(x, c(1))));
  }

  @Test
  void subtractingAConstantAddsItsNegation() {
    assertThat(parse("x - 2")).isSameInstanceAs(g.add(x, c(-2)));
    assertThat(parse("x + -2")).isSameInstanceAs(g.add(x, c(-2)));
    assertThat(parse("x - -2")).isSameInstanceAs(g.add(x, c(2)));
    assertThat(parse("x - 0")).isSameInstanceAs(g.add(x, c(-0.0)));
    assertThat(parse("x - y")).isSameInstanceAs(g.add(x, g.neg(y)));
    assertThat(parse("x - y * 2")).isSameInstanceAs(g.add(x, g.neg(g.mul(c(2), y))));
  }

  @Test
  void callsTakeTheirArguments() {
    assertThat(parse("sin(x)")).isSameInstanceAs(g.apply(Op.SIN, x));
    assertThat(parse("pow(x, y)")).isSameInstanceAs(g.pow(x, y));
    assertThat(parse("min(x, y + 1)")).isSameInstanceAs(g.apply(Op.MIN, x, g.add(y, c(1))));
    assertThat(parse("max(min(x, y), -z)"))
        .isSameInstanceAs(g.apply(Op.MAX, g.apply(Op.MIN, x, y), g.neg(z)));
    assertThat(parse("exp(log(sigmoid(x)))"))
        .isSameInstanceAs(g.apply(Op.EXP, g.apply(Op.LOG, g.apply(Op.SIGMOID, x))));
    assertThat(parse("-sin(x)^2")).isSameInstanceAs(g.neg(g.pow(g.apply(Op.SIN, x), c(2))));
  }

  @Test
  void everyFunctionOfTheGrammarParses() {
    for (String name : ExpressionParser.FUNCTIONS) {
      Op op = Op.forFunction(name);
      String text = op.arity() == 1 ? name + "(x)" : name + "(x, y)";
      Node expected = op.arity() == 1 ? g.apply(op, x) : g.apply(op, x, y);
      assertThat(parse(text)).isSameInstanceAs(expected);
    }
    assertThat(ExpressionParser.FUNCTIONS).containsExactly(
        "abs", "acos", "asin", "atan", "cos", "cosh", "exp", "expm1", "log", "log1p", "max",
        "min", "pow", "relu", "sigmoid", "sin", "sinh", "softplus", "sqrt", "tan", "tanh")
        .inOrder();
  }

  @Test
  void namesAreFreeVariables() {
    assertThat(parse("t_u")).isSameInstanceAs(g.variable("t_u"));
    assertThat(parse("_x2 * X_")).isSameInstanceAs(g.mul(g.variable("_x2"), g.variable("X_")));
    // Not numbers: NaN and Infinity are names like any other.
    assertThat(parse("NaN")).isSameInstanceAs(g.variable("NaN"));
    assertThat(parse("Infinity").isVariable()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "2, 2", "0.5, 0.5", ".5, 0.5", "1e-3, 0.001", "1E3, 1000", "2.5e+2, 250", "007, 7",
      "1.7976931348623157e308, 1.7976931348623157e308", "4.9e-324, 4.9e-324",
      "0e-999, 0", "0.000, 0"})
  void numbers(String text, double value) {
    assertThat(parse(text)).isSameInstanceAs(c(value));
  }

  @Test
  void anExponentNeedsDigitsOrItIsAName() {
    // "2e" is not a malformed number but the number 2 next to the name e: a missing '*'.
    assertThat(Expressions.parse("2 * e", g)).isSameInstanceAs(g.mul(c(2), g.variable("e")));
    assertThat(parse("e + 1e1")).isSameInstanceAs(g.add(g.variable("e"), c(10)));
  }

  @Test
  void spacesTabsAndLineBreaksSeparateTokens() {
    assertThat(parse(" x\t+\r\ny\n")).isSameInstanceAs(g.add(x, y));
    assertThat(parse("x+y")).isSameInstanceAs(g.add(x, y));
  }

  @Test
  void parenthesesOnlyGroup() {
    assertThat(parse("((((x))))")).isSameInstanceAs(x);
    assertThat(parse("(x + y) * z")).isSameInstanceAs(g.mul(g.add(x, y), z));
    assertThat(parse("x - (y - z)")).isSameInstanceAs(g.add(x, g.neg(g.add(y, g.neg(z)))));
  }

  @Test
  void theGraphSharesEqualSubexpressions() {
    Node node = parse("sin(x * y) + sin(x * y)");
    assertThat(node.input(0)).isSameInstanceAs(node.input(1));
  }

  @Test
  void constantsKeepTheGraphsCanonicalOrder() {
    // The graph puts a constant first in a product and last in a sum.
    assertThat(parse("x * 2")).isSameInstanceAs(parse("2 * x"));
    assertThat(parse("2 + x")).isSameInstanceAs(g.add(x, c(2)));
  }
}
