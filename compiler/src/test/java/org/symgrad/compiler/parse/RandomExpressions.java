package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of expression text for property tests. */
final class RandomExpressions {
  private RandomExpressions() {}

  private static final List<String> NAMES = List.of("x", "y", "z", "t_u", "_b2");

  /** Valid expressions up to {@code depth} levels, written with random spacing and parens. */
  static Arbitrary<String> valid(int depth) {
    Arbitrary<String> leaf = Arbitraries.oneOf(
        Arbitraries.of(NAMES),
        numbers());
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> valid(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, leaf),
        net.jqwik.api.Tuple.of(4, Combinators.combine(sub, Arbitraries.of("+", "-", "*", "/", "^"),
            sub, spaces()).as((a, op, b, s) -> a + s + op + s + b)),
        net.jqwik.api.Tuple.of(1, sub.map(a -> "-" + a)),
        net.jqwik.api.Tuple.of(2, sub.map(a -> "(" + a + ")")),
        net.jqwik.api.Tuple.of(2, Combinators.combine(
            Arbitraries.of(ExpressionParser.FUNCTIONS), sub, sub).as((f, a, b) ->
                f + "(" + a + (org.symgrad.compiler.graph.Op.forFunction(f).arity() == 2
                    ? ", " + b : "") + ")")));
  }

  private static Arbitrary<String> spaces() {
    return Arbitraries.of("", " ", "  ", "\t");
  }

  /** Numbers as people write them and as the printer does. */
  static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 1000).map(String::valueOf),
        Arbitraries.of("0", "0.5", ".25", "1e-3", "2.5E+8", "1.0e15", "4.9e-324",
            "1.7976931348623157e308", "123456789012345", "0.1"),
        Arbitraries.doubles().between(0, 1e300).map(d -> Double.toString(d).replace("E", "e")));
  }

  /**
   * A valid expression about {@code depth} levels deep, built without recursion: each level
   * wraps the previous one in a random construct.
   */
  static String deep(long seed, int depth) {
    Random random = new Random(seed);
    List<String> prefixes = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    String[][] wraps = {
        {"(", ") * x"}, {"y - (", ")"}, {"-(", ")"}, {"sin(", ")"}, {"2^(", ")"},
        {"(", ")^y"}, {"max(", ", 1)"}, {"", " + 1"}, {"1 / (", ")"}, {"-", ""},
        {"x^-", ""}, {"", " - 2"}, {"(", ")"}, {"pow(z, ", ")"}, {"", " * -0.5"}};
    for (int i = 0; i < depth; i++) {
      String[] wrap = wraps[random.nextInt(wraps.length)];
      prefixes.add(wrap[0]);
      suffixes.add(wrap[1]);
    }
    StringBuilder text = new StringBuilder();
    for (int i = prefixes.size() - 1; i >= 0; i--) {
      text.append(prefixes.get(i));
    }
    text.append(random.nextBoolean() ? "x" : "3");
    suffixes.forEach(text::append);
    return text.toString();
  }

  /** Token soup: mostly invalid, often valid, good for comparing two parsers. */
  static Arbitrary<String> tokenSoup() {
    return Arbitraries.of("x", "y", "2", "0.5", "1e3", "+", "-", "-", "*", "/", "^", "(", "(",
            ")", ")", ",", "sin", "pow", "max", "exp", " ", "foo", "[", "sign", "sum", "3x", "1.")
        .list().ofMinSize(1).ofMaxSize(14)
        .map(tokens -> String.join("", tokens));
  }

  /** {@code text} with one random edit: a char deleted, inserted, replaced or doubled. */
  static Arbitrary<String> mutated(Arbitrary<String> texts) {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.of('(', ')', '-', '+', '*', '^', ',', '.', 'e', '1', ' ', '#', '=', '['),
        Arbitraries.chars());
    return Combinators.combine(texts, Arbitraries.integers().between(0, 1 << 20), chars,
        Arbitraries.integers().between(0, 3)).as((text, where, c, kind) -> {
          if (text.isEmpty()) {
            return String.valueOf(c);
          }
          int i = where % text.length();
          return switch (kind) {
            case 0 -> text.substring(0, i) + text.substring(i + 1);
            case 1 -> text.substring(0, i) + c + text.substring(i);
            case 2 -> text.substring(0, i) + c + text.substring(i + 1);
            default -> text.substring(0, i + 1) + text.substring(i);
          };
        });
  }
}
