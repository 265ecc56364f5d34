package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.model.ParamRules;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.parse.Token.Kind;

/**
 * Reads the vector parts of declaration lines: the extents of {@code param W[13, 4]} and
 * {@code input x[4]}, the columns of {@code input x[2] = t_u, t_v}, and the index names of
 * {@code let h[j]} and {@code model out[k] = …}.
 */
final class VectorSyntax {
  /** What was read, and the position of the token after the ']'. */
  record Read<T>(List<T> items, int next) {}

  private VectorSyntax() {}

  /** The extents in {@code [13, 4]}; {@code tokens.get(open)} is the '['. */
  static Read<Integer> extents(SourceText source, List<Token> tokens, int open, String name) {
    List<Integer> extents = new ArrayList<>();
    int at = open + 1;
    while (true) {
      Token token = tokens.get(at++);
      checkNotError(token);
      if (!token.is(Kind.NUMBER) || !ParamRules.isExtent(token.number())) {
        throw source.error(ErrorCode.BAD_SHAPE, token, token.is(Kind.NUMBER)
                ? "extent " + token.quoted() + " is not a whole number of at least 1"
                : unexpected(token, "in the shape of " + Texts.quote(name)),
            "write the size of each axis: " + name + "[13] or " + name + "[13, 4]");
      }
      extents.add(token.number() > Shapes.MAX_ELEMENTS ? Shapes.MAX_ELEMENTS + 1
          : (int) token.number());
      Token after = tokens.get(at++);
      checkNotError(after);
      if (after.is(Kind.RBRACKET)) {
        break;
      }
      if (!after.is(Kind.COMMA)) {
        throw unclosedOr(source, after, tokens.get(open), "separate the extents with ','");
      }
    }
    if (ParamRules.isTooLarge(extents)) {
      Token first = tokens.get(open);
      throw source.error(ErrorCode.BAD_SHAPE, first.start(), tokens.get(at - 1).end() - first.start(),
          Texts.quote(name) + " has more than " + Shapes.MAX_ELEMENTS + " elements",
          "symgrad writes arrays out element by element; this one is too large");
    }
    return new Read<>(extents, at);
  }

  /** The index names in {@code [j, k]}; {@code tokens.get(open)} is the '['. */
  static Read<Token> indexNames(SourceText source, List<Token> tokens, int open, String name) {
    List<Token> names = new ArrayList<>();
    int at = open + 1;
    while (true) {
      Token token = tokens.get(at++);
      checkNotError(token);
      if (!token.is(Kind.NAME)) {
        throw source.error(ErrorCode.BAD_INDEX, token,
            unexpected(token, "in the indices of " + Texts.quote(name)),
            "name the indices the line defines, as in " + name + "[j] = … or " + name
                + "[j, k] = …");
      }
      for (Token earlier : names) {
        if (earlier.text().equals(token.text())) {
          throw source.error(ErrorCode.INDEX_BOUND_TWICE, token,
              "index " + token.quoted() + " is already bound",
              "it is bound at column " + source.column(earlier.start())
                  + "; give this index another name");
        }
      }
      names.add(token);
      Token after = tokens.get(at++);
      checkNotError(after);
      if (after.is(Kind.RBRACKET)) {
        return new Read<>(names, at);
      }
      if (!after.is(Kind.COMMA)) {
        throw unclosedOr(source, after, tokens.get(open), "separate the indices with ','");
      }
    }
  }

  private static void checkNotError(Token token) {
    if (token.is(Kind.ERROR)) {
      throw token.error();
    }
  }

  private static String unexpected(Token token, String where) {
    return (token.is(Kind.END) ? "unexpected end of line " : "unexpected " + token.quoted() + " ")
        + where;
  }

  private static org.symgrad.compiler.diagnostic.SymgradException unclosedOr(SourceText source, Token at,
      Token open, String hint) {
    if (at.is(Kind.END)) {
      return source.error(ErrorCode.UNCLOSED_PARENTHESIS, open, "unclosed '[': expected ']'",
          "the line ends before this '[' is closed");
    }
    return source.error(ErrorCode.UNEXPECTED_TOKEN, at, "unexpected " + at.quoted(), hint);
  }

  static void checkInputShape(SourceText source, List<Token> tokens, List<Integer> shape) {
    if (shape.size() != 1) {
      Token open = tokens.get(1);
      throw source.error(ErrorCode.BAD_SHAPE, open, "an input has one axis, not " + shape.size(),
          "an input reads one column per element: input x[4] reads x0, x1, x2, x3");
    }
  }

  static List<String> defaultColumns(String input, int count) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      columns.add(Shapes.columnName(input, i));
    }
    return columns;
  }

  // `= t_u, t_v`: one column name for each element, in order.
  static List<String> mappedColumns(SourceText source, List<Token> tokens, String declared,
      int count) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; ; i += 2) {
      Token column = tokens.get(i);
      if (column.is(Kind.ERROR)) {
        throw column.error();
      }
      if (!column.is(Kind.NAME)) {
        throw source.error(ErrorCode.BAD_COLUMNS, column, (column.is(Kind.END)
                ? "expected a column name at the end of the line"
                : "expected a column name, found " + column.quoted()),
            "name one column for each element: " + declared + " = a, b, …");
      }
      columns.add(column.text());
      Token after = tokens.get(i + 1);
      if (after.is(Kind.END)) {
        break;
      }
      if (!after.is(Kind.COMMA)) {
        throw source.error(ErrorCode.BAD_COLUMNS, after, "unexpected " + after.quoted()
            + " after column " + column.quoted(), "separate the column names with ','");
      }
    }
    if (columns.size() != count) {
      Token first = tokens.get(0);
      Token last = tokens.get(2 * columns.size() - 2);
      throw source.error(ErrorCode.BAD_COLUMNS, first.start(), last.end() - first.start(),
          Texts.quote(declared) + " has " + count + " elements but names " + columns.size()
              + (columns.size() == 1 ? " column" : " columns"),
          "name one column for each element, in order");
    }
    return columns;
  }

  // model out[k] = …: a name, brackets of names, then '='.
  static boolean isVectorModel(List<Token> tokens) {
    if (!tokens.get(0).is(Kind.NAME) || !tokens.get(1).is(Kind.LBRACKET)) {
      return false;
    }
    for (int i = 2; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is(Kind.RBRACKET)) {
        return tokens.get(i + 1).is(Kind.EQUALS);
      }
      if (!token.is(Kind.NAME) && !token.is(Kind.COMMA)) {
        return false;
      }
    }
    return false;
  }

  static Declaration vectorModel(SourceText source, int line, Token word, String rest,
      List<Token> tokens) {
    Token name = tokens.get(0);
    Read<Token> read = indexNames(source, tokens, 1, name.text());
    if (read.items().size() != 1) {
      Token second = read.items().get(1);
      throw source.error(ErrorCode.BAD_SHAPE, second, "a model's output has one index",
          "write it as: model " + name.text() + "[k] = …");
    }
    List<Token> body = tokens.subList(read.next() + 1, tokens.size());
    if (body.get(0).is(Kind.END)) {
      throw source.error(ErrorCode.INCOMPLETE_DECLARATION, tokens.get(read.next()),
          "'model " + name.text() + "[…]' needs an expression after '='",
          "write it as: model out[k] = sum(j, W[k, j] * x[j])");
    }
    return new Declaration(Keyword.MODEL, line, word, name, body, rest, List.of(),
        read.items(), List.of());
  }

}
