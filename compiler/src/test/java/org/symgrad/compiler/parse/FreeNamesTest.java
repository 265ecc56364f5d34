package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * An expression's free names come from its text: a name that the graph or the simplifier
 * folds away is still one, so {@code grad} reports its derivative, 0, instead of dropping it.
 */
class FreeNamesTest {

  private static List<String> names(String text) {
    return Expressions.parseWithVariables(text, new Graph()).variables().stream()
        .map(Node::name).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "x^0; x",
      "0*x + y; x,y",
      "x - x + y; x,y",
      "y * 0 + x^0 * z; y,x,z",
      "sin(b) * a + b; b,a",
      "2 + 3; ''"})
  void everyNameInTheTextIsFreeInOrderOfFirstUse(String text, String expected) {
    assertThat(names(text))
        .containsExactlyElementsIn(expected.isEmpty() ? List.of() : List.of(expected.split(",")))
        .inOrder();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"x^0; x", "0*x + y; x", "x - x; x"})
  void aNameThatFoldsAwayHasDerivativeZero(String text, String folded) {
    Graph graph = new Graph();
    Expressions.Parsed parsed = Expressions.parseWithVariables(text, graph);
    Node variable = graph.variable(folded);
    assertThat(parsed.variables()).contains(variable);

    // As grad does: the simplified expression, differentiated, simplified.
    Simplifier simplifier = new Simplifier(graph);
    Node derivative = simplifier.simplify(ReverseDiff.gradient(graph,
        simplifier.simplify(parsed.node()), parsed.variables()).get(variable));

    assertThat(derivative.isConstant()).isTrue();
    assertThat(derivative.value()).isEqualTo(0.0);
  }

  /** Whatever the expression, every variable its node reaches is among the free names. */
  @Property(tries = 300)
  void theFreeNamesHoldEveryVariableTheNodeReaches(@ForAll("expressions") String text) {
    Graph graph = new Graph();
    Expressions.Parsed parsed = Expressions.parseWithVariables(text, graph);
    List<Node> reached = ReverseDiff.reachable(parsed.node()).stream()
        .filter(Node::isVariable).toList();
    assertThat(parsed.variables()).containsAtLeastElementsIn(reached);
    assertThat(parsed.node()).isSameInstanceAs(Expressions.parse(text, graph));
  }

  @Provide
  Arbitrary<String> expressions() {
    return RandomExpressions.valid(4);
  }
}
