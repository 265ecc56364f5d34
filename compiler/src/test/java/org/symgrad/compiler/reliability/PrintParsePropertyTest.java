package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.parse.Expressions;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * {@code parse(print(e))} is {@code e} itself for graphs built directly, not only for text
 * the parser read (which {@code parse.PrinterRoundTripTest} covers): DAGs with shared
 * subexpressions, every function, and constants from subnormal to the largest double and
 * -0. Simplified expressions and their simplified derivatives print back too, unless they
 * hold what the grammar cannot write: the internal {@code sign} (abs' and relu'), or a
 * constant folded to infinity or NaN. And {@code ExpressionPrinter.length} is the length
 * {@code print} gives: {@code grad} refuses derivatives that would print too long from it,
 * before printing them.
 */
class PrintParsePropertyTest {
  private static final List<String> VARIABLES = List.of("x", "y", "t_u", "w1", "_b");

  @Provide
  Arbitrary<ExpressionRecipe> expressions() {
    return ExpressionRecipe.recipes(ExpressionRecipe.Constants.ANY.arbitrary(), 10);
  }

  @Property(tries = 2000)
  void printedGraphsParseBackToTheSameNode(@ForAll("expressions") ExpressionRecipe recipe) {
    Graph g = new Graph();
    assertRoundTrip(g, recipe.build(g, VARIABLES));
  }

  @Property(tries = 1000)
  void simplifiedDerivativesParseBackWhenTheGrammarCanWriteThem(
      @ForAll("expressions") ExpressionRecipe recipe) {
    Graph g = new Graph();
    Simplifier simplifier = new Simplifier(g);
    Node expression = simplifier.simplify(recipe.build(g, VARIABLES));
    List<Node> variables = VARIABLES.stream().map(g::variable).toList();
    Map<Node, Node> gradient = ReverseDiff.gradient(g, expression, variables);
    for (Node node : prepend(expression, gradient.values())) {
      Node simplified = simplifier.simplify(node);
      if (writable(simplified)) {
        Statistics.collect("writable");
        assertRoundTrip(g, simplified);
      } else {
        Statistics.collect("holds sign() or a non-finite constant");
      }
    }
  }

  @Property(tries = 1000)
  void theMeasuredLengthIsThePrintedLength(@ForAll("expressions") ExpressionRecipe recipe) {
    Graph g = new Graph();
    Simplifier simplifier = new Simplifier(g);
    Node built = recipe.build(g, VARIABLES);
    Node expression = simplifier.simplify(built);
    List<Node> roots = new java.util.ArrayList<>(List.of(built, expression));
    ReverseDiff.gradient(g, expression, VARIABLES.stream().map(g::variable).toList())
        .values().forEach(d -> roots.add(simplifier.simplify(d))); // internal ops included
    long[] lengths = ExpressionPrinter.lengths(roots);
    for (int i = 0; i < roots.size(); i++) {
      String printed = ExpressionPrinter.print(roots.get(i));
      assertWithMessage("length of %s", printed).that(lengths[i]).isEqualTo(printed.length());
      assertWithMessage("length of %s alone", printed)
          .that(ExpressionPrinter.length(roots.get(i))).isEqualTo(printed.length());
    }
  }

  private static void assertRoundTrip(Graph g, Node node) {
    String text = ExpressionPrinter.print(node);
    Node parsed = Expressions.parse(text, g);
    assertWithMessage("%s parsed back as %s", text, ExpressionPrinter.print(parsed))
        .that(parsed).isSameInstanceAs(node);
  }

  private static boolean writable(Node root) {
    // sign, gt and select are internal: the grammar cannot write them
    return ReverseDiff.reachable(root).stream().noneMatch(n -> n.op() == Op.SIGN
        || n.op() == Op.GT || n.op() == Op.SELECT || n.op() == Op.EQ
        || (n.isConstant() && !Double.isFinite(n.value())));
  }

  private static List<Node> prepend(Node first, java.util.Collection<Node> rest) {
    List<Node> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
