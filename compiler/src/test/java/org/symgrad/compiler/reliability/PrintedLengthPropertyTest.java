package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * {@code ExpressionPrinter.length} is the length {@code print} gives, for every expression and
 * its simplified derivatives (internal ops, negative constants, shared nodes included):
 * {@code grad} refuses derivatives that would print too long from this number, before
 * printing them.
 */
class PrintedLengthPropertyTest {
  private static final List<String> VARIABLES = List.of("x", "y", "t_u", "w1", "_b");

  @Provide
  Arbitrary<ExpressionRecipe> expressions() {
    return ExpressionRecipe.recipes(ExpressionRecipe.Constants.ANY.arbitrary(), 10);
  }

  @Property(tries = 1000)
  void theLengthIsThePrintedLength(@ForAll("expressions") ExpressionRecipe recipe) {
    Graph g = new Graph();
    Simplifier simplifier = new Simplifier(g);
    Node built = recipe.build(g, VARIABLES);
    Node expression = simplifier.simplify(built);
    List<Node> roots = new ArrayList<>(List.of(built, expression));
    ReverseDiff.gradient(g, expression, VARIABLES.stream().map(g::variable).toList())
        .values().forEach(d -> roots.add(simplifier.simplify(d)));
    long[] lengths = ExpressionPrinter.lengths(roots);
    for (int i = 0; i < roots.size(); i++) {
      String printed = ExpressionPrinter.print(roots.get(i));
      assertWithMessage("length of %s", printed).that(lengths[i]).isEqualTo(printed.length());
      assertWithMessage("length of %s alone", printed)
          .that(ExpressionPrinter.length(roots.get(i))).isEqualTo(printed.length());
    }
  }
}
