package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.symgrad.compiler.api.Expr.abs;
import static org.symgrad.compiler.api.Expr.constant;
import static org.symgrad.compiler.api.Expr.exp;
import static org.symgrad.compiler.api.Expr.max;
import static org.symgrad.compiler.api.Expr.min;
import static org.symgrad.compiler.api.Expr.pow;
import static org.symgrad.compiler.api.Expr.sigmoid;
import static org.symgrad.compiler.api.Expr.tanh;
import static org.symgrad.compiler.api.Expr.variable;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.parse.Expressions;

/** Builder expressions are the parser's nodes, made in the parser's order. */
class ExprTest {
  private static final Expr A = variable("a");
  private static final Expr B = variable("b");
  private static final Expr X = variable("x");

  static Stream<Arguments> sameAsText() {
    return Stream.of(
        Arguments.of("a * x + b", A.times(X).plus(B)),
        Arguments.of("a - b", A.minus(B)),
        Arguments.of("a - 2", A.minus(2.0)),
        Arguments.of("a - -2", A.minus(-2.0)),
        Arguments.of("a - (-b)", A.minus(B.unaryMinus())),
        Arguments.of("-2", constant(2).unaryMinus()),
        Arguments.of("-(2)", constant(-2)),
        Arguments.of("--x", X.unaryMinus().unaryMinus()),
        Arguments.of("-2^2", pow(constant(2), 2).unaryMinus()),
        Arguments.of("x * 2", X.times(2.0)),
        Arguments.of("2 * x", constant(2).times(X)),
        Arguments.of("2 + x", constant(2).plus(X)),
        Arguments.of("2 - x", constant(2).minus(X)),
        Arguments.of("x / 2", X.div(2.0)),
        Arguments.of("2 / x", constant(2).div(X)),
        Arguments.of("x^-2", pow(X, -2)),
        Arguments.of("pow(x, 3)", pow(X, 3)),
        Arguments.of("2^x", pow(2, X)),
        Arguments.of("exp(-x)", exp(X.unaryMinus())),
        Arguments.of("max(a, 0) + min(0, b)", max(A, 0).plus(min(0, B))),
        Arguments.of("sigmoid(a * x + b) * tanh(x)", sigmoid(A.times(X).plus(B)).times(tanh(X))),
        Arguments.of("(a - b)^2", pow(A.minus(B), 2)),
        Arguments.of("abs(x - 0.5) / (a + b)", abs(X.minus(0.5)).div(A.plus(B))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameAsText")
  void buildsTheParsersNode(String text, Expr expr) {
    Graph graph = new Graph();
    Node parsed = Expressions.parse(text, graph);

    assertThat(SameNodes.write(graph, expr)).isSameInstanceAs(parsed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameAsText")
  void makesNodesInTheParsersOrder(String text, Expr expr) {
    assertThat(SameNodes.writtenOrder(expr)).isEqualTo(SameNodes.parsedOrder(text));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameAsText")
  void printsAsTheParsedNodePrints(String text, Expr expr) {
    assertThat(expr.toString()).isEqualTo(Expressions.parse(text, new Graph()).toString());
  }

  @Test
  void randomExpressionsAreTheirFullyParenthesizedText() {
    for (long seed = 0; seed < 400; seed++) {
      RandomExprs.Pair pair = RandomExprs.pair(seed, 5);
      Graph graph = new Graph();
      Node parsed = Expressions.parse(pair.text(), graph);

      assertThat(SameNodes.write(graph, pair.expr())).isSameInstanceAs(parsed);
      assertThat(SameNodes.writtenOrder(pair.expr()))
          .isEqualTo(SameNodes.parsedOrder(pair.text()));
    }
  }

  @ParameterizedTest
  @EnumSource(Op.class)
  void everyFunctionOfTheGrammarIsAStaticMethod(Op op) throws ReflectiveOperationException {
    if (!op.isGrammarFunction()) {
      return;
    }
    Class<?>[] parameters = new Class<?>[op.arity()];
    Arrays.fill(parameters, Expr.class);
    Method method = Expr.class.getMethod(op.functionName(), parameters);

    Expr call = (Expr) method.invoke(null, (Object[]) Collections.nCopies(op.arity(), X)
        .toArray(Expr[]::new));

    Graph graph = new Graph();
    Node parsed = Expressions.parse(
        op.functionName() + (op.arity() == 2 ? "(x, x)" : "(x)"), graph);
    assertThat(SameNodes.write(graph, call)).isSameInstanceAs(parsed);
  }

  @Test
  void equalExpressionsAreOneNode() {
    assertThat(X.times(2.0)).isEqualTo(constant(2).times(X));
    assertThat(X.times(2.0).hashCode()).isEqualTo(constant(2).times(X).hashCode());
    assertThat(A.minus(B)).isEqualTo(A.plus(B.unaryMinus()));
    assertThat(constant(2).unaryMinus()).isEqualTo(constant(-2));
    assertThat(variable("x")).isEqualTo(X);
  }

  @Test
  void differentNodesAreNotEqual() {
    assertThat(A.plus(B)).isNotEqualTo(B.plus(A)); // the graph orders only constants
    assertThat(X.unaryMinus().unaryMinus()).isNotEqualTo(X); // nor simplifies
    assertThat(constant(0.0)).isNotEqualTo(constant(-0.0));
    assertThat(A).isNotEqualTo(B);
  }

  @Test
  void printsAsTheGrammarWrites() {
    assertThat(A.times(X).plus(B).toString()).isEqualTo("a * x + b");
    assertThat(exp(X.unaryMinus()).toString()).isEqualTo("exp(-x)");
    assertThat(X.minus(2.0).toString()).isEqualTo("x - 2");
    assertThat(constant(0.1).times(X).toString()).isEqualTo("0.1 * x");
  }

  @Test
  void aDeepExpressionIsWrittenComparedAndPrintedWithoutRecursion() {
    Expr sum = deepSum();
    Graph graph = new Graph();

    Node node = SameNodes.write(graph, sum);

    assertThat(node.inputs()).hasSize(2);
    assertThat(sum).isEqualTo(deepSum()); // another object: equality walks the whole depth
    assertThat(sum.toString()).startsWith("x + 0 * x + 1 * x + 2 * x");
  }

  private static Expr deepSum() {
    Expr sum = X;
    for (int i = 0; i < 50_000; i++) { // far deeper than a recursive walk could go
      sum = sum.plus(X.times((double) i));
    }
    return sum;
  }

  @Test
  void constantsAreFinite() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> constant(Double.NaN));
    assertThat(e).hasMessageThat().isEqualTo("a constant must be finite, got NaN");
    assertThrows(IllegalArgumentException.class, () -> X.times(Double.POSITIVE_INFINITY));
  }

  @Test
  void variablesHaveNamesTheGrammarCouldDeclare() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> variable("2x")))
        .hasMessageThat().isEqualTo("bad variable name '2x': a name is a letter or '_'"
            + " followed by letters, digits and '_'");
    assertThat(assertThrows(IllegalArgumentException.class, () -> variable("pred")))
        .hasMessageThat().isEqualTo("'pred' is reserved: in a loss, 'pred' is the prediction"
            + " and 'target' the target column");
    assertThat(assertThrows(IllegalArgumentException.class, () -> variable("target")))
        .hasMessageThat().startsWith("'target' is reserved");
    assertThat(assertThrows(IllegalArgumentException.class, () -> variable("exp")))
        .hasMessageThat().isEqualTo("'exp' is the name of a function; choose another variable"
            + " name");
    assertThat(assertThrows(IllegalArgumentException.class, () -> variable("sum")))
        .hasMessageThat().isEqualTo("'sum' is reserved for index sums; choose another variable"
            + " name");
    assertThat(variable("sign").toString()).isEqualTo("sign"); // internal, not the grammar's
  }
}
