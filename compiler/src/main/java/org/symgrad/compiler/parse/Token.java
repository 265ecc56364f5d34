package org.symgrad.compiler.parse;

import org.symgrad.compiler.diagnostic.SymgradException;

/**
 * One token of an expression or a declaration, with its place in the {@link SourceText}.
 *
 * @param kind what it is
 * @param start the offset of its first char
 * @param end the offset just past its last char
 * @param text the chars as written
 * @param number the value of a {@link Kind#NUMBER}
 * @param error for an {@link Kind#ERROR}, what is wrong: thrown when the parser reaches it, so
 *     that the first error in the text is the one reported
 */
record Token(Kind kind, int start, int end, String text, double number, SymgradException error) {

  enum Kind {
    NUMBER, NAME, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, COMMA, EQUALS, LBRACKET,
    RBRACKET,
    /** Past the last token; its start is where the text ends. */
    END,
    /** Text that is not a token: an unexpected character or a bad number. */
    ERROR
  }

  static Token of(Kind kind, int start, int end, String text) {
    return new Token(kind, start, end, text, 0.0, null);
  }

  /** The end of a token range, placed at {@code offset}. */
  static Token end(int offset) {
    return new Token(Kind.END, offset, offset, "", 0.0, null);
  }

  int length() {
    return end - start;
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** Whether this is the name {@code name}. */
  boolean isName(String name) {
    return kind == Kind.NAME && text.equals(name);
  }

  /** How a message quotes this token: {@code '*'}, {@code 'x'}, or "end of expression". */
  String quoted() {
    return kind == Kind.END ? "end of expression" : Texts.quote(text);
  }
}
