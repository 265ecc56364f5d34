package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.simplify.Rule;
import org.symgrad.compiler.simplify.Rules;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * The simplifier keeps values. Every rule but one rewrites to an expression of exactly the
 * same value wherever the original's every intermediate is finite (the rules that assume
 * finite operands, {@code 0 * x -> 0} and {@code 0 / x -> 0}, say so), up to the sign of a
 * zero result ({@code x + 0 -> x} turns {@code -0 + 0 = 0} into {@code -0}); so for those
 * the check is bitwise, with 0 and -0 equal. The one exception is {@code c1 * (c2 * x) -> c
 * * x}, which rounds once where the original rounded twice: it is checked on its own, to
 * within four units in the last place (each form is within two of the exact product), since
 * its error then passes through the rest of the expression like any rounding error, which no
 * fixed tolerance on the whole can bound.
 */
class SimplifierPropertyTest {
  private static final List<String> VARIABLES = List.of("a", "b", "c");
  private static final String REASSOCIATION = "c1 * (c2 * x) -> c * x";

  @Provide
  Arbitrary<ExpressionRecipe> expressions() {
    return ExpressionRecipe.recipes(ExpressionRecipe.Constants.ANY.arbitrary(), 12);
  }

  @Provide
  Arbitrary<Double> values() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-3, 3),
        Arbitraries.of(0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, -1e300));
  }

  @Property(tries = 3000)
  void exactRulesKeepTheValueBitForBit(@ForAll("expressions") ExpressionRecipe recipe,
      @ForAll("values") double a, @ForAll("values") double b, @ForAll("values") double c) {
    Graph g = new Graph();
    Node original = recipe.build(g, VARIABLES);
    List<Rule> exact = Rules.ALL.stream().filter(r -> !r.name().equals(REASSOCIATION)).toList();
    Node simplified = new Simplifier(g, exact).simplify(original);
    Map<String, Double> point = Map.of("a", a, "b", b, "c", c);
    if (!allFinite(original, point)) {
      Statistics.collect("some intermediate is not finite");
      return;
    }
    Statistics.collect(simplified == original ? "unchanged" : "simplified");
    double before = Evaluator.evaluate(original, point);
    double after = Evaluator.evaluate(simplified, point);
    assertWithMessage("%s simplified to %s, at %s", original, simplified, point)
        .that(after == before || Double.compare(after, before) == 0).isTrue();
  }

  @Property(tries = 3000)
  void reassociatingConstantsMovesTheValueByRoundingOnly(
      @ForAll("constants") double c1, @ForAll("constants") double c2,
      @ForAll("constants") double x) {
    Graph g = new Graph();
    Node product = g.mul(g.constant(c1), g.mul(g.constant(c2), g.variable("x")));
    Node simplified = new Simplifier(g).simplify(product);
    Map<String, Double> point = Map.of("x", x);
    double inner = c2 * x;
    double before = Evaluator.evaluate(product, point);
    // Where the original is exact to its last bit, that is normal, finite and non-zero at
    // every step, the rewrite may only move it by rounding.
    if (!normal(inner) || !normal(before)) {
      Statistics.collect("original leaves the normal range");
      return;
    }
    Statistics.collect("compared");
    double after = Evaluator.evaluate(simplified, point);
    assertWithMessage("%s simplified to %s, at x = %s", product, simplified, x)
        .that(Math.abs(after - before)).isAtMost(4 * Math.ulp(before));
  }

  @Example
  void constantsWhoseProductOverflowsOrUnderflowsStayApart() {
    // Found by the property above: c1 * c2 was folded to infinity or 0 where c1 * (c2 * x)
    // is an ordinary number.
    Graph g = new Graph();
    Node x = g.variable("x");
    Node huge = g.mul(g.constant(1e300), g.mul(g.constant(1e10), x));
    Node tiny = g.mul(g.constant(1e-200), g.mul(g.constant(1e-200), x));
    Simplifier simplifier = new Simplifier(g);
    assertThat(Evaluator.evaluate(simplifier.simplify(huge), Map.of("x", 1e-100)))
        .isEqualTo(1e300 * (1e10 * 1e-100));
    assertThat(Evaluator.evaluate(simplifier.simplify(tiny), Map.of("x", 1e300)))
        .isEqualTo(1e-200 * (1e-200 * 1e300));
    // Where the product is an ordinary number the rule still applies.
    assertThat(simplifier.simplify(g.mul(g.constant(3), g.mul(g.constant(2), x))))
        .isSameInstanceAs(g.mul(g.constant(6), x));
  }

  @Provide
  Arbitrary<Double> constants() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-1e3, 1e3),
        Arbitraries.doubles(),
        Arbitraries.of(1e-200, 1e200, -1e-160, 1e160, 0.1, 3.0, 1.0 / 3, 1e300, 1e-300));
  }

  private static boolean normal(double value) {
    return Double.isFinite(value) && Math.abs(value) >= Double.MIN_NORMAL;
  }

  private static boolean allFinite(Node root, Map<String, Double> point) {
    Evaluator evaluator = new Evaluator(new HashMap<>(point));
    for (Node node : ReverseDiff.reachable(root)) {
      if (!Double.isFinite(evaluator.valueOf(node))) {
        return false;
      }
    }
    return true;
  }
}
