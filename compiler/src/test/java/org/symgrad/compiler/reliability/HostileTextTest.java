package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.parse.Expressions;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Text no one should write, read by both parsers: huge and tiny numbers, thousands of nested
 * parentheses, Unicode lookalikes, lone surrogates, control characters and NUL, lines of an
 * eighth of a megabyte. The only outcome besides a result is a {@link SymgradException} whose
 * every diagnostic names a place inside the text (a line of it, a column of that line or
 * just past its end) and renders without control characters or lone surrogates; and it
 * comes in time linear in the text. {@code parse.ParserFuzzTest} covers short random text;
 * this covers long and structured text.
 */
class HostileTextTest {
  private static final int MEGA = 1 << 17; // an eighth of a megabyte

  /** Whether {@code text} is an expression; if not, the error must be placed inside it. */
  static boolean expression(String text) {
    try {
      Expressions.parse(text, new Graph());
      return true;
    } catch (SymgradException e) {
      assertPlaced(e, text);
      return false;
    }
  }

  /** Whether {@code text} is a model; if not, every error must be placed inside it. */
  static boolean model(String text) {
    try {
      ModelParser.parse(text, "hostile.sg");
      return true;
    } catch (SymgradException e) {
      assertPlaced(e, text.startsWith("\uFEFF") ? text.substring(1) : text);
      return false;
    }
  }

  /** Every diagnostic's line and column are inside {@code text}, and it renders. */
  static void assertPlaced(SymgradException e, String text) {
    List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
    assertThat(e.diagnostics()).isNotEmpty();
    for (Diagnostic d : e.diagnostics()) {
      String where = d.code() + " at " + d.line() + ":" + d.column() + " of "
          + abbreviate(text);
      assertWithMessage("code of %s", where).that(d.code()).matches("SG[12]\\d\\d");
      assertWithMessage("line of %s", where).that(d.line()).isAtMost(lines.size());
      assertWithMessage("column of %s", where).that(d.column())
          .isAtMost(lines.get(d.line() - 1).length() + 1);
      String rendered = d.render();
      assertWithMessage("rendering of %s", where).that(rendered)
          .startsWith(d.source() + ":" + d.line() + ":" + d.column() + ": error [");
      // Only line breaks between its lines: no control character, no half of a pair.
      assertWithMessage("rendering of %s has a control character or a lone surrogate", where)
          .that(rendered.codePoints().anyMatch(c -> c != '\n'
              && (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)))
          .isFalse();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length()
        + " chars)";
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> pieces = Arbitraries.of("(", ")", "x", "y", "-", "^", "*", "/", "+", ",",
        "1e308", "1e309", "1e-324", "4.9e-324", "0.", ".5", "1.2.3", "9".repeat(400),
        "0." + "0".repeat(330) + "1", "sin(", "pow(", "max(", "\0", "\u0007", "\u007f", "\r",
        "\n", "\r\n", "\t", "\f", "\u2212", "\u00d7", "\uff11", "\u00a0", "\u200b", "\ufeff",
        "\ud83d\ude00", "\ud83d", "\ude00", "\u202e", "e\u0301", "\u0663", "#", "=", "[", "]",
        "System.exit(0)", "\"; Runtime.getRuntime()", "java.lang.Math.exp(x)", "\\u000a",
        "//", "/*", "*/", "'", "\"", ";", "{", "}", "@", "$", "`");
    return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
  }

  @Provide
  Arbitrary<String> deep() {
    return Combinators.combine(Arbitraries.integers().between(1, 10_000),
            Arbitraries.of("(", "-(", "sin(", "max(x, ", "x^(", "(-"),
            Arbitraries.of(")", ")", ")", ""), Arbitraries.integers().between(-2, 2))
        .as((depth, open, close, skew) -> open.repeat(depth) + "x"
            + close.repeat(Math.max(0, depth + skew)));
  }

  @Property(tries = 2000)
  void hostileExpressionsParseOrArePlacedErrors(@ForAll("hostile") String text) {
    Statistics.collect(expression(text) ? "parsed" : "refused");
  }

  @Property(tries = 2000)
  void hostileModelLinesParseOrArePlacedErrors(@ForAll("hostile") String text,
      @ForAll("hostile") String other) {
    Statistics.collect(model(text) ? "parsed" : "refused");
    model(text + "\n" + other);
    model("input x\ntarget y\nparam w = " + other + "\nmodel " + text + "\nloss " + other);
  }

  @Property(tries = 200)
  void deepNestingParsesOrIsAPlacedError(@ForAll("deep") String text) {
    Statistics.collect(expression(text) ? "parsed" : "refused");
    model("input x\ntarget y\nparam w\nmodel w * " + text);
  }

  // How the time grows with the input is measured in bench/ (ParseScalingBench), not here.
  @Example
  void hugeInputsParseOrAreRefused() {
    List<String> texts = List.of(
        "9".repeat(MEGA), "0." + "0".repeat(MEGA) + "1", "1e" + "9".repeat(MEGA),
        "x".repeat(MEGA), "q".repeat(MEGA) + "(x)", "\0".repeat(MEGA), " ".repeat(MEGA),
        "x+".repeat(MEGA / 8) + "x", "x+".repeat(MEGA / 8) + "@", "x+\n".repeat(MEGA / 8) + "#",
        "(".repeat(MEGA) + ")".repeat(MEGA), "max(x" + ",x".repeat(MEGA / 8) + ")");
    for (String text : texts) {
      expression(text);
      model("input x\ntarget y\nparam w\nmodel w * (" + text + ")\n");
    }
  }

  @Example
  void numbersBeyondADoubleAreRefusedNotRounded() {
    for (String number : List.of("1e309", "1" + "0".repeat(400), "1e-400",
        "0." + "0".repeat(400) + "1", "2e-324", "1e99999999999999999999")) {
      SymgradException e = refused(number + " * x");
      assertWithMessage(number).that(e.first().code()).isEqualTo("SG108");
      assertThat(e.first().column()).isEqualTo(1);
    }
  }

  @Example
  void lookalikesAndInvisibleCharactersAreRefusedWhereTheyAre() {
    // Each text has its bad character at column 3.
    for (String text : List.of("x \u2212 y", "x \u00d7 y", "x \uff0b y", "x\u00a0\u00a0+ y",
        "x \u200b+ y", "x \ufeff+ y", "x \u0000 y", "x \u0007 y", "x \ud83d\ude00 y",
        "x \ud83d y", "x \ude00 y", "x \u202e y", "x \u0663 y")) {
      SymgradException e = refused(text);
      assertWithMessage("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
          .that(e.first().code()).isEqualTo("SG101");
      assertThat(e.first().column()).isAtMost(3);
    }
  }

  @Example
  void unprintableCharactersInIndicesAreNamedNotPrinted() {
    // Found by the property above: a bad character inside '[' ']' was quoted as written.
    for (String bad : List.of("\u0000", "\u0007", "\u007f", "\ud83d", "\ude00", "\u202e",
        "\u200b", "\ufeff")) {
      for (String model : List.of("x[x" + bad, "x[" + bad + "]", "x[j" + bad + "] ")) {
        model("input x\ntarget y\nparam w = \nmodel " + model + "\nloss ");
        model("input x[3]\ntarget y\nparam w[3]\nmodel sum(j, w[j] * " + model + ")");
        model("input x[3]\ntarget y\nparam w[3]\nmodel w * x\nlet " + model + " = x");
      }
    }
  }

  private static SymgradException refused(String text) {
    try {
      Expressions.parse(text, new Graph());
    } catch (SymgradException e) {
      assertPlaced(e, text);
      return e;
    }
    throw new AssertionError("parsed: " + abbreviate(text));
  }
}
