package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.parse.Token.Kind;

/**
 * Splits a range of a {@link SourceText} into {@link Token}s, ending with {@link Kind#END}.
 *
 * <p>Numbers are {@code 2}, {@code 0.5}, {@code .5}, {@code 1e-3}, {@code 2.5E+8}; a number
 * ending in a point ({@code 1.}) is refused, so that {@code 1.x} cannot be misread. A number
 * a double cannot hold, too large ({@code 1e999}) or too small to be told from zero
 * ({@code 1e-999}), is refused rather than rounded to infinity or zero. Names are ASCII:
 * {@code [A-Za-z_][A-Za-z0-9_]*}. Space, tab, form feed and line breaks separate tokens.
 *
 * <p>The lexer never throws: text that is not a token becomes one {@link Kind#ERROR} token
 * carrying its diagnostic, and lexing stops there.
 */
final class Lexer {
  private Lexer() {}

  /** The tokens of {@code source.text()} between {@code begin} and {@code end}. */
  static List<Token> lex(SourceText source, int begin, int end) {
    String text = source.text();
    List<Token> tokens = new ArrayList<>();
    int i = begin;
    int lastEnd = begin;
    while (i < end) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      Token token;
      if (isDigit(c) || (c == '.' && i + 1 < end && isDigit(text.charAt(i + 1)))) {
        token = number(source, i, end);
      } else if (isNameStart(c)) {
        int j = i + 1;
        while (j < end && isNamePart(text.charAt(j))) {
          j++;
        }
        token = Token.of(Kind.NAME, i, j, text.substring(i, j));
      } else {
        Kind kind = punctuation(c);
        token = kind != null
            ? Token.of(kind, i, i + 1, String.valueOf(c))
            : unexpectedCharacter(source, i, end);
      }
      tokens.add(token);
      lastEnd = token.end();
      if (token.is(Kind.ERROR)) {
        break;
      }
      i = token.end();
    }
    tokens.add(Token.end(lastEnd));
    return tokens;
  }

  static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Kind punctuation(char c) {
    return switch (c) {
      case '+' -> Kind.PLUS;
      case '-' -> Kind.MINUS;
      case '*' -> Kind.STAR;
      case '/' -> Kind.SLASH;
      case '^' -> Kind.CARET;
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      case ',' -> Kind.COMMA;
      case '=' -> Kind.EQUALS;
      case '[' -> Kind.LBRACKET;
      case ']' -> Kind.RBRACKET;
      default -> null;
    };
  }

  private static Token number(SourceText source, int start, int end) {
    String text = source.text();
    // The mantissa: every digit and point in a row, so that "1.2.3" is one bad number.
    int i = start;
    int points = 0;
    boolean nonZero = false;
    while (i < end && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      points += text.charAt(i) == '.' ? 1 : 0;
      nonZero |= text.charAt(i) >= '1' && text.charAt(i) <= '9';
      i++;
    }
    if (points > 1 || text.charAt(i - 1) == '.') {
      String written = text.substring(start, i);
      String hint = points > 1
          ? "a number has at most one decimal point"
          : "write digits after the point: " + written + "0";
      return error(source, ErrorCode.MALFORMED_NUMBER, start, i,
          "malformed number " + Texts.quote(written), hint);
    }
    // The exponent, only when digits follow: "2e" is the number 2 and the name e.
    if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < end && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
        j++;
      }
      if (j < end && isDigit(text.charAt(j))) {
        while (j < end && isDigit(text.charAt(j))) {
          j++;
        }
        i = j;
      }
    }
    String written = text.substring(start, i);
    double value = Double.parseDouble(written);
    if (Double.isInfinite(value) || (value == 0 && nonZero)) {
      return error(source, ErrorCode.NUMBER_OUT_OF_RANGE, start, i,
          "number out of range: " + Texts.quote(written),
          "a double holds magnitudes from 4.9e-324 to 1.7976931348623157e308");
    }
    return new Token(Kind.NUMBER, start, i, written, value, null);
  }

  private static Token unexpectedCharacter(SourceText source, int offset, int end) {
    int codePoint = source.text().codePointAt(offset);
    int length = Character.charCount(codePoint);
    if (offset + length > end) { // half of a pair cut by the range: report the half
      codePoint = source.text().charAt(offset);
      length = 1;
    }
    String hint = Texts.lookalike(codePoint);
    return error(source, ErrorCode.UNEXPECTED_CHARACTER, offset, offset + length,
        "unexpected character " + Texts.describe(codePoint), hint);
  }

  private static Token error(
      SourceText source, ErrorCode code, int start, int end, String message, String hint) {
    return new Token(Kind.ERROR, start, end, source.text().substring(start, end), 0.0,
        source.error(code, start, end - start, message, hint));
  }
}
