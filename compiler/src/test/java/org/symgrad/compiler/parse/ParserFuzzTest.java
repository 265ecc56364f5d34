package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;

/**
 * Whatever the text, the parsers return a result or throw a {@link SymgradException} whose
 * diagnostics have a place inside the text and render; never another exception.
 */
class ParserFuzzTest {

  private static void assertWellPlaced(SymgradException e, String text) {
    assertThat(e.diagnostics()).isNotEmpty();
    long lines = text.lines().count() + 1; // the end of the text may be on a line of its own
    for (Diagnostic d : e.diagnostics()) {
      assertThat(d.code()).matches("SG[12]\\d\\d");
      assertThat((long) d.line()).isAtMost(Math.max(1, lines));
      if (d.sourceLine() != null) {
        assertThat(d.column()).isAtMost(d.sourceLine().length() + 1);
        assertThat(text).contains(d.sourceLine());
      }
      assertThat(d.render()).startsWith(d.source() + ":" + d.line() + ":" + d.column() + ": ");
      assertThat(d.message()).doesNotContain("\n");
    }
  }

  private static void expression(String text) {
    try {
      Expressions.parse(text, new Graph());
      Statistics.collect("parsed");
    } catch (SymgradException e) {
      Statistics.collect("refused");
      assertWellPlaced(e, text);
    }
  }

  private static void model(String text) {
    try {
      ModelParser.parse(text, "fuzz.sg");
      Statistics.collect("parsed");
    } catch (SymgradException e) {
      Statistics.collect("refused");
      assertWellPlaced(e, text);
    }
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars("()+-*/^,.eE0123456789xy_ \t\n\r#=[]\0\u2212")
            .ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> nearlyValidExpressions() {
    return RandomExpressions.mutated(RandomExpressions.mutated(RandomExpressions.valid(3)));
  }

  @Property(tries = 5000)
  void anyTextIsAnExpressionOrAnError(@ForAll("anyText") String text) {
    expression(text);
  }

  @Property(tries = 3000)
  void soIsAnyMutationOfAValidOne(@ForAll("nearlyValidExpressions") String text) {
    expression(text);
    Statistics.coverage(checker -> checker.check("parsed").percentage(p -> p > 10));
  }

  private static final String VALID_MODEL = """
      # a model
      data   d.csv
      input  x
      input  u
      target y
      param  w = uniform(-1, 1)
      param  b = -0.5
      let    s = 0.1 * x
      model  w * s + b * sin(u)
      loss   huber(1.5)
      penalty 0.01 * w^2
      """;

  @Provide
  Arbitrary<String> nearlyValidModels() {
    Arbitrary<String> once = RandomExpressions.mutated(Arbitraries.just(VALID_MODEL));
    return Arbitraries.oneOf(once, RandomExpressions.mutated(once),
        RandomExpressions.mutated(RandomExpressions.mutated(once)));
  }

  @Property(tries = 3000)
  void anyMutationOfAModelIsAModelOrErrors(@ForAll("nearlyValidModels") String text) {
    model(text);
    Statistics.coverage(checker -> {
      checker.check("parsed").percentage(p -> p > 10);
      checker.check("refused").percentage(p -> p > 10);
    });
  }

  @Property(tries = 3000)
  void anyTextIsAModelOrErrors(@ForAll("anyText") String text) {
    model(text);
    model("input x\ntarget y\nparam w\nmodel " + text.replace('\n', ' ').replace('\r', ' '));
    model("input x\ntarget y\nparam w = " + text.replace('\n', ' ').replace('\r', ' ')
        + "\nmodel w");
    model("input x\ntarget y\nparam w\nmodel w\nloss " + text);
  }
}
