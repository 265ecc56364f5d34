package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;

/** Every expression error: its code, exact message, place, caret and hint. */
class ExpressionErrorsTest {

  static Diagnostic error(String text) {
    SymgradException e =
        assertThrows(SymgradException.class, () -> Expressions.parse(text, new Graph()));
    assertThat(e.diagnostics()).hasSize(1);
    Diagnostic d = e.first();
    assertThat(d.source()).isEqualTo("<expression>");
    return d;
  }

  /** Asserts code, message, column (1-based) and how many chars the caret marks. */
  static Diagnostic assertError(String text, String code, String message, int column,
      int length) {
    Diagnostic d = error(text);
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.message()).isEqualTo(message);
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.column()).isEqualTo(column);
    assertThat(d.length()).isEqualTo(length);
    return d;
  }

  @Test
  void emptyExpression() {
    Diagnostic d = assertError("", "SG100", "empty expression", 1, 1);
    assertThat(d.hint())
        .isEqualTo("write a number, a name, a call or a parenthesized expression");
    assertError("   ", "SG100", "empty expression", 1, 1);
  }

  @Test
  void unexpectedCharacter() {
    assertError("x @ y", "SG101", "unexpected character '@'", 3, 1);
    assertError("x # y", "SG101", "unexpected character '#'", 3, 1);
    assertError("x\0", "SG101", "unexpected character U+0000 NULL", 2, 1);
    assertError("é", "SG101", "unexpected character 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)",
        1, 1);
    // A character outside the BMP is two chars: the caret marks both.
    assertError("x + \uD83D\uDE00", "SG101",
        "unexpected character '\uD83D\uDE00' (U+1F600 GRINNING FACE)", 5, 2);
    assertError("x\uD800", "SG101",
        "unexpected character U+D800 HIGH SURROGATES D800", 2, 1);
  }

  @Test
  void unexpectedCharacterThatLooksLikeAnOperatorSaysWhatToWrite() {
    assertThat(assertError("x \u2212 y", "SG101",
        "unexpected character '\u2212' (U+2212 MINUS SIGN)", 3, 1).hint())
        .isEqualTo("write '-'");
    assertThat(error("x \u00D7 y").hint()).isEqualTo("write '*'");
    assertThat(error("x\u00B2").hint()).isEqualTo("write '^2'");
    assertThat(assertError("x\u00A0+ y", "SG101",
        "unexpected character U+00A0 NO-BREAK SPACE", 2, 1).hint())
        .isEqualTo("replace it with a plain space");
  }

  @Test
  void unexpectedOperator() {
    Diagnostic d = assertError("x +* y", "SG102", "unexpected '*'", 4, 1);
    assertThat(d.hint()).isEqualTo("expected a number, a name, '(' or '-' after '+'");
    assertThat(assertError("* x", "SG102", "unexpected '*'", 1, 1).hint())
        .isEqualTo("expected a number, a name, '(' or '-'");
    assertThat(assertError("x ** 2", "SG102", "unexpected '*'", 4, 1).hint())
        .isEqualTo("write powers with '^', as in x^2");
    assertThat(assertError("+x", "SG102", "unexpected '+'", 1, 1).hint())
        .isEqualTo("there is no unary '+'; leave it out");
    assertThat(assertError("2 * ()", "SG102", "unexpected ')'", 6, 1).hint())
        .isEqualTo("expected an expression between '(' and ')'");
  }

  @Test
  void unexpectedEnd() {
    Diagnostic d = assertError("x + ", "SG102", "unexpected end of expression", 4, 1);
    assertThat(d.hint()).isEqualTo("expected a number, a name, '(' or '-' after '+'");
    assertError("-", "SG102", "unexpected end of expression", 2, 1);
    assertError("max(x,", "SG102", "unexpected end of expression", 7, 1);
  }

  @Test
  void unexpectedPunctuationAfterAnOperand() {
    assertThat(assertError("x, y", "SG102", "unexpected ','", 2, 1).hint())
        .isEqualTo("commas separate the arguments of a call, as in max(a, b)");
    assertThat(assertError("(x, y)", "SG102", "unexpected ','", 3, 1).hint())
        .isEqualTo("commas separate the arguments of a call, as in max(a, b)");
    assertThat(assertError("y = 2 * x", "SG102", "unexpected '='", 3, 1).hint())
        .isEqualTo("'=' is not an operator; an expression has none");
    assertError("x]", "SG102", "unexpected ']'", 2, 1);
    assertError("max(x, )", "SG102", "unexpected ')'", 8, 1);
    assertError("max(, x)", "SG102", "unexpected ','", 5, 1);
  }

  @Test
  void unknownFunction() {
    Diagnostic d = assertError("foo(x)", "SG103", "unknown function 'foo'", 1, 3);
    assertThat(d.hint()).isEqualTo("known functions: abs, acos, asin, atan, cos, cosh, exp, "
        + "expm1, log, log1p, max, min, pow, relu, sigmoid, sin, sinh, softplus, sqrt, tan, tanh");
    Diagnostic near = assertError("2 * sinh2(x)", "SG103", "unknown function 'sinh2'", 5, 5);
    assertThat(near.hint()).startsWith("did you mean 'sinh'? known functions: abs, ");
    assertThat(near.render()).isEqualTo("""
        <expression>:1:5: error [SG103] unknown function 'sinh2'
          2 * sinh2(x)
              ^^^^^
          did you mean 'sinh'? known functions: abs, acos, asin, atan, cos, cosh, exp, \
        expm1, log, log1p, max, min, pow, relu, sigmoid, sin, sinh, softplus, sqrt, tan, tanh""");
  }

  @Test
  void signIsInternalNotPartOfTheGrammar() {
    assertError("sign(x)", "SG103", "unknown function 'sign'", 1, 4);
    assertError("Sin(x)", "SG103", "unknown function 'Sin'", 1, 3);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sin()           | sin takes 1 argument, got 0  | 1 | 5 | call it as sin(x)",
      "sin(x, y)       | sin takes 1 argument, got 2  | 1 | 9 | call it as sin(x)",
      "pow(x)          | pow takes 2 arguments, got 1 | 1 | 6 | call it as pow(a, b)",
      "1 + min(x)      | min takes 2 arguments, got 1 | 5 | 6 | call it as min(a, b)",
      "max(x, y, z)    | max takes 2 arguments, got 3 | 1 | 12 | call it as max(a, b)",
      "pow()           | pow takes 2 arguments, got 0 | 1 | 5 | call it as pow(a, b)"})
  void wrongNumberOfArguments(String text, String message, int column, int length,
      String hint) {
    assertThat(assertError(text, "SG104", message, column, length).hint()).isEqualTo(hint);
  }

  @Test
  void unclosedParenthesisPointsAtIt() {
    Diagnostic d = assertError("2 * (x + 1", "SG105", "unclosed '(': expected ')'", 5, 1);
    assertThat(d.hint()).isEqualTo("the expression ends before this '(' is closed");
    assertThat(d.render()).isEqualTo("""
        <expression>:1:5: error [SG105] unclosed '(': expected ')'
          2 * (x + 1
              ^
          the expression ends before this '(' is closed""");
    // The innermost unclosed one is reported, a call's too.
    assertError("((x) + (y", "SG105", "unclosed '(': expected ')'", 8, 1);
    assertError("sin(x", "SG105", "unclosed '(': expected ')'", 4, 1);
  }

  @Test
  void unmatchedParenthesis() {
    assertThat(assertError("x + 1)", "SG106", "unmatched ')'", 6, 1).hint())
        .isEqualTo("there is no '(' for it to close");
    assertError("(x))", "SG106", "unmatched ')'", 4, 1);
  }

  @Test
  void missingOperator() {
    Diagnostic d = assertError("3x", "SG107", "missing operator between '3' and 'x'", 2, 1);
    assertThat(d.hint()).isEqualTo("insert an operator, such as '*', between them");
    assertError("x y", "SG107", "missing operator between 'x' and 'y'", 3, 1);
    assertError("2(x)", "SG107", "missing operator between '2' and '('", 2, 1);
    assertError("(a)(b)", "SG107", "missing operator between ')' and '('", 4, 1);
    assertError("2 sin(x)", "SG107", "missing operator between '2' and 'sin'", 3, 3);
    assertError("1.5e3e", "SG107", "missing operator between '1.5e3' and 'e'", 6, 1);
    assertError("x 2", "SG107", "missing operator between 'x' and '2'", 3, 1);
  }

  @Test
  void numberOutOfRange() {
    Diagnostic d = assertError("2 * 1e999", "SG108", "number out of range: '1e999'", 5, 5);
    assertThat(d.hint())
        .isEqualTo("a double holds magnitudes from 4.9e-324 to 1.7976931348623157e308");
    assertError("1e-999", "SG108", "number out of range: '1e-999'", 1, 6);
    assertError("1.8e308", "SG108", "number out of range: '1.8e308'", 1, 7);
    assertError("1e99999999999999999999", "SG108",
        "number out of range: '1e99999999999999999999'", 1, 22);
    String digits = "9".repeat(400);
    assertError(digits, "SG108",
        "number out of range: '" + "9".repeat(39) + "…'", 1, 400);
  }

  @Test
  void malformedNumber() {
    assertThat(assertError("1. + x", "SG109", "malformed number '1.'", 1, 2).hint())
        .isEqualTo("write digits after the point: 1.0");
    assertThat(assertError("x * 1.2.3", "SG109", "malformed number '1.2.3'", 5, 5).hint())
        .isEqualTo("a number has at most one decimal point");
    assertError("1.e5", "SG109", "malformed number '1.'", 1, 2);
    // A lone point is not a number at all.
    assertError("x + .", "SG101", "unexpected character '.'", 5, 1);
  }

  @Test
  void functionWithoutArguments() {
    assertThat(assertError("exp * x", "SG110", "function 'exp' used without arguments", 1, 3)
        .hint()).isEqualTo("call it: exp(x)");
    assertThat(error("x + max").hint()).isEqualTo("call it: max(a, b)");
  }

  @Test
  void vectorSyntaxNeedsAModelFile() {
    Diagnostic d = assertError("w[j] * x", "SG111", "indexing 'w[…]' needs a model file", 2, 1);
    assertThat(d.hint()).isEqualTo("a free expression has scalar variables only; declare "
        + "arrays in a .sg model with param w[13] or input x[4]");
    assertError("sum(j, w[j]) + b", "SG111", "index sums need a model file", 1, 3);
  }

  @Test
  void theFirstErrorInTheTextIsReported() {
    // A syntax error before a bad character wins, and a bad character before a syntax error.
    assertError("x +* @", "SG102", "unexpected '*'", 4, 1);
    assertError("x @ +*", "SG101", "unexpected character '@'", 3, 1);
    assertError("foo(1e999)", "SG103", "unknown function 'foo'", 1, 3);
  }

  @Test
  void linesAndColumnsCountFromTheStartOfTheirLine() {
    Diagnostic d = error("x +\n  y +* z");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(6);
    assertThat(d.sourceLine()).isEqualTo("  y +* z");
    Diagnostic afterCr = error("x +\r\n\r\n *");
    assertThat(afterCr.line()).isEqualTo(3);
    assertThat(afterCr.column()).isEqualTo(2);
    assertThat(afterCr.sourceLine()).isEqualTo(" *");
  }

  @Test
  void longTokensAreShortenedInMessages() {
    String name = "a".repeat(100);
    assertThat(error(name + "(x)").message())
        .isEqualTo("unknown function '" + "a".repeat(39) + "…'");
  }
}
