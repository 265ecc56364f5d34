package org.symgrad.compiler.simplify;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/** Each simplifier rule on an example of its own, and the rule set as a whole. */
class RulesTest {

  /** Rule name, the expression it should fire on, and the expected simplified text. */
  static Stream<Arguments> examples() {
    return Stream.of(
        example("fold constants", g -> g.apply(Op.EXP, g.constant(0)), "1"),
        example("x + 0 -> x", g -> g.add(x(g), g.constant(0)), "x"),
        example("x + x -> 2 * x", g -> g.add(x(g), x(g)), "2 * x"),
        example("1 * x -> x", g -> g.mul(g.constant(1), x(g)), "x"),
        example("0 * x -> 0", g -> g.mul(x(g), g.constant(0)), "0"),
        example("-1 * x -> -x", g -> g.mul(g.constant(-1), x(g)), "-x"),
        example("c1 * (c2 * x) -> c * x", g -> g.mul(g.constant(3), g.mul(g.constant(2), x(g))),
            "6 * x"),
        example("a * -b -> -(a * b)", g -> g.mul(x(g), g.neg(y(g))), "-(x * y)"),
        example("-a * b -> -(a * b)", g -> g.mul(g.neg(x(g)), y(g)), "-(x * y)"),
        example("select(c, a, b) -> a | b", g -> g.select(g.constant(0), x(g), y(g)), "y"),
        example("select(c, a, a) -> a", g -> g.select(y(g), x(g), x(g)), "x"),
        example("x / 1 -> x", g -> g.div(x(g), g.constant(1)), "x"),
        example("0 / x -> 0", g -> g.div(g.constant(0), x(g)), "0"),
        example("-a / b -> -(a / b)", g -> g.div(g.neg(x(g)), y(g)), "-(x / y)"),
        example("x ^ 1 -> x", g -> g.pow(x(g), g.constant(1)), "x"),
        example("x ^ 0 -> 1", g -> g.pow(x(g), g.constant(0)), "1"),
        example("--x -> x", g -> g.neg(g.neg(x(g))), "x"),
        example("-(a - b) -> b - a", g -> g.neg(g.sub(x(g), y(g))), "y - x"),
        example("-a + b -> b - a", g -> g.add(g.neg(x(g)), y(g)), "y - x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void ruleFiresOnItsExample(String rule, Function<Graph, Node> build, String expected) {
    Graph g = new Graph();
    Node node = build.apply(g);
    Rule named = Rules.ALL.stream().filter(r -> r.name().equals(rule)).findFirst().orElseThrow();
    assertWithMessage("rule %s on %s", rule, node).that(named.apply(g, node)).isNotNull();
    assertThat(new Simplifier(g).simplify(node).toString()).isEqualTo(expected);
  }

  @Test
  void everyRuleHasAnExample() {
    assertThat(examples().map(a -> (String) a.get()[0]).toList())
        .containsExactlyElementsIn(Rules.ALL.stream().map(Rule::name).toList());
  }

  @Test
  void derivativeOfCubeIsThreeXSquared() {
    Graph g = new Graph();
    Node x = x(g);
    Node cube = g.pow(x, g.constant(3));
    Node d = org.symgrad.compiler.diff.ReverseDiff.gradient(g, cube, java.util.List.of(x)).get(x);
    assertThat(new Simplifier(g).simplify(d).toString()).isEqualTo("3 * x^2");
  }

  @Test
  void derivativeOfLinearModelByWeightIsTheInput() {
    Graph g = new Graph();
    Node w = g.variable("w");
    Node model = g.add(g.mul(w, g.variable("t_u")), g.variable("b"));
    Node d = org.symgrad.compiler.diff.ReverseDiff.gradient(g, model, java.util.List.of(w)).get(w);
    assertThat(new Simplifier(g).simplify(d).toString()).isEqualTo("t_u");
  }

  @Test
  void simplifyingKeepsValues() {
    Graph g = new Graph();
    Node e = g.add(g.mul(g.constant(1), g.apply(Op.SIN, g.neg(g.neg(x(g))))),
        g.pow(g.mul(y(g), g.constant(1)), g.constant(1)));
    Map<String, Double> at = Map.of("x", 0.7, "y", -1.3);
    assertThat(org.symgrad.compiler.graph.Evaluator.evaluate(new Simplifier(g).simplify(e), at))
        .isEqualTo(org.symgrad.compiler.graph.Evaluator.evaluate(e, at));
  }

  private static Arguments example(String rule, Function<Graph, Node> build, String expected) {
    return Arguments.of(rule, build, expected);
  }

  private static Node x(Graph g) {
    return g.variable("x");
  }

  private static Node y(Graph g) {
    return g.variable("y");
  }
}
