package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.parse.Token.Kind;

/**
 * A call with constant arguments that is a whole declaration's body, not part of an
 * expression: {@code uniform(-1, 1)}, {@code normal(0, 0.1)}, {@code huber(1.0)}. Each
 * argument is an expression of its own, read by the caller.
 *
 * @param name the called name
 * @param close its closing ')'
 * @param arguments the arguments' values, in order
 */
record ConstantCall(Token name, Token close, List<Double> arguments) {

  /** Whether {@code tokens} start with {@code name(}. */
  static boolean starts(List<Token> tokens, String name) {
    return tokens.get(0).isName(name) && tokens.get(1).is(Kind.LPAREN);
  }

  /**
   * Reads {@code tokens}, which {@link #starts} the call, to their END.
   *
   * @param argument the value of one argument's tokens (ending with an END)
   * @param whole how the hint names the call when text follows it: {@code uniform(low, high)}
   */
  static ConstantCall read(SourceText source, List<Token> tokens,
      Function<List<Token>, Double> argument, String whole) {
    Token open = tokens.get(1);
    List<Double> values = new ArrayList<>();
    int depth = 0;
    int from = 2;
    for (int i = 2; ; i++) {
      Token token = tokens.get(i);
      switch (token.kind()) {
        case ERROR -> throw token.error();
        case END -> throw source.error(ErrorCode.UNCLOSED_PARENTHESIS, open,
            "unclosed '(': expected ')'", "the line ends before this '(' is closed");
        case LPAREN -> depth++;
        case RPAREN, COMMA -> {
          if (depth > 0) {
            depth -= token.is(Kind.RPAREN) ? 1 : 0;
            continue;
          }
          boolean empty = from == i;
          if (empty && !(token.is(Kind.RPAREN) && values.isEmpty() && from == 2)) {
            throw source.error(ErrorCode.UNEXPECTED_TOKEN, token, "unexpected " + token.quoted(),
                "expected an argument");
          }
          if (!empty) {
            values.add(argument.apply(
                ExpressionParser.withEnd(tokens.subList(from, i), token.start())));
          }
          from = i + 1;
          if (token.is(Kind.RPAREN)) {
            Token after = tokens.get(i + 1);
            if (after.is(Kind.ERROR)) {
              throw after.error();
            }
            if (!after.is(Kind.END)) {
              throw source.error(ErrorCode.UNEXPECTED_AFTER_DECLARATION, after,
                  "unexpected " + after.quoted() + " after "
                      + Texts.quote(tokens.get(0).text() + "(…)"),
                  whole + " stands alone");
            }
            return new ConstantCall(tokens.get(0), token, values);
          }
        }
        default -> {}
      }
    }
  }

  /** Where messages about the whole call point: from its name to its ')'. */
  int start() {
    return name.start();
  }

  int length() {
    return close.end() - name.start();
  }
}
