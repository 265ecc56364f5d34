package org.symgrad.compiler.parse;

import java.util.List;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.NameRules;
import org.symgrad.compiler.model.Namespace;
import org.symgrad.compiler.parse.Token.Kind;

/**
 * The first pass over a model file: splits it into one {@link Declaration} a line, declares
 * every name with its role, and reports what is wrong with a line's form (an unknown keyword,
 * a missing name, a name declared twice, vector syntax). Expressions are read by the second
 * pass, {@link ModelReader}, once every name is known. A builder records the same {@link
 * Declarations} by its calls ({@link BuiltLines}).
 *
 * <p>A line with an error is reported and skipped; the others are still read, so that one run
 * reports every bad line.
 */
final class DeclarationReader {
  private final SourceText source;
  private final Declarations declarations = new Declarations();

  /** Reads every line of {@code source}, adding each line's errors to {@code errors}. */
  DeclarationReader(SourceText source, List<Diagnostic> errors) {
    this.source = source;
    for (int line = 1; line <= source.lineCount(); line++) {
      try {
        read(line);
      } catch (SymgradException e) {
        errors.addAll(e.diagnostics());
      }
    }
  }

  /** The declarations read. */
  Declarations declarations() {
    return declarations;
  }

  private void read(int line) {
    String text = source.text();
    int start = source.lineStart(line);
    int end = source.lineEnd(line);
    int hash = text.indexOf('#', start);
    if (hash >= 0 && hash < end) {
      end = hash;
    }
    start = skipSpace(text, start, end);
    end = trimEnd(text, start, end);
    if (start == end) {
      return;
    }
    if (!Lexer.isNameStart(text.charAt(start))) {
      throw source.error(ErrorCode.UNKNOWN_DECLARATION, start, 1,
          "expected a declaration, found " + Texts.describe(text.codePointAt(start)),
          "a line starts with one of: " + Texts.join(Keyword.SPELLINGS));
    }
    int wordEnd = start;
    while (wordEnd < end && Lexer.isNamePart(text.charAt(wordEnd))) {
      wordEnd++;
    }
    Token word = Token.of(Kind.NAME, start, wordEnd, text.substring(start, wordEnd));
    Keyword keyword = Keyword.of(word.text());
    if (keyword == null) {
      throw source.error(ErrorCode.UNKNOWN_DECLARATION, word,
          "unknown declaration " + word.quoted(),
          Texts.didYouMean(word.text(), Keyword.SPELLINGS)
              + "a line starts with one of: " + Texts.join(Keyword.SPELLINGS));
    }
    declarations.markWritten(keyword);
    int restStart = skipSpace(text, wordEnd, end);
    String rest = text.substring(restStart, end);
    switch (keyword) {
      case DATA -> {
        if (rest.isEmpty()) {
          throw incomplete(word, "'data' needs a file path", "write it as: data thermometer.csv");
        }
        declareSingle(new Declaration(keyword, line, word, null, null, rest));
      }
      case MODEL, LOSS, PENALTY -> {
        List<Token> tokens = Lexer.lex(source, restStart, end);
        if (tokens.get(0).is(Kind.END)) {
          throw incomplete(word, Texts.quote(keyword.spelling()) + " needs "
              + (keyword == Keyword.LOSS
                  ? "mse, mae, huber(delta), bce_logits, cross_entropy or an expression in "
                      + "pred and target"
                  : "an expression"),
              null);
        }
        declareSingle(keyword == Keyword.MODEL && VectorSyntax.isVectorModel(tokens)
            ? VectorSyntax.vectorModel(source, line, word, rest, tokens)
            : new Declaration(keyword, line, word, null, tokens, rest));
      }
      case INPUT, TARGET, PARAM, LET -> named(keyword, line, word, rest,
          Lexer.lex(source, restStart, end));
    }
  }

  /**
   * {@code input NAME}, {@code input NAME[n] [= col, …]}, {@code target NAME}, {@code param
   * NAME[shape] [= init]}, {@code let NAME[indices] = e}.
   */
  private void named(Keyword keyword, int line, Token word, String rest, List<Token> tokens) {
    Token name = tokens.get(0);
    String example = switch (keyword) {
      case INPUT -> "input t_u";
      case TARGET -> "target t_c";
      case PARAM -> "param w = 1.0";
      default -> "let t_un = 0.1 * t_u";
    };
    if (name.is(Kind.END)) {
      throw incomplete(word, Texts.quote(keyword.spelling()) + " needs a name",
          "write it as: " + example);
    }
    if (name.is(Kind.ERROR)) {
      throw name.error();
    }
    if (!name.is(Kind.NAME)) {
      throw source.error(ErrorCode.EXPECTED_NAME, name,
          "expected a name after " + word.quoted() + ", found " + name.quoted(),
          "a name is a letter or '_' followed by letters, digits and '_'");
    }
    checkNotReserved(keyword, name);
    if (keyword == Keyword.TARGET) {
      checkFirst(Keyword.TARGET, word);
    }
    List<Integer> shape = List.of();
    List<Token> indices = List.of();
    List<String> columns = keyword == Keyword.INPUT ? List.of(name.text()) : List.of();
    List<Token> body = null;
    SymgradException problem = null;
    String declared = keyword.spelling() + " " + name.text();
    int at = 1;
    try {
      if (tokens.get(1).is(Kind.LBRACKET)) {
        switch (keyword) {
          case TARGET -> throw source.error(ErrorCode.NOT_SUPPORTED_YET, tokens.get(1),
              "vector targets are not supported",
              "the target is one column: a number, or for cross_entropy a class 0, 1, …");
          case LET -> {
            VectorSyntax.Read<Token> read =
                VectorSyntax.indexNames(source, tokens, 1, name.text());
            indices = read.items();
            at = read.next();
            declared += "[" + String.join(", ", indices.stream().map(Token::text).toList()) + "]";
          }
          default -> {
            VectorSyntax.Read<Integer> read =
                VectorSyntax.extents(source, tokens, 1, name.text());
            shape = read.items();
            at = read.next();
            declared += org.symgrad.compiler.model.Shapes.text(shape).replace(" ", "");
            if (keyword == Keyword.INPUT) {
              VectorSyntax.checkInputShape(source, tokens, shape);
              columns = VectorSyntax.defaultColumns(name.text(), shape.get(0));
            }
          }
        }
      }
      Token after = tokens.get(at);
      if (after.is(Kind.ERROR)) {
        problem = after.error();
      } else if (keyword == Keyword.INPUT && !shape.isEmpty() && after.is(Kind.EQUALS)) {
        columns = VectorSyntax.mappedColumns(source, tokens.subList(at + 1, tokens.size()),
            declared, shape.get(0));
      } else if (keyword == Keyword.INPUT || keyword == Keyword.TARGET) {
        if (!after.is(Kind.END)) {
          problem = source.error(ErrorCode.UNEXPECTED_AFTER_DECLARATION, after,
              "unexpected " + after.quoted() + " after " + Texts.quote(declared),
              keyword == Keyword.INPUT && !shape.isEmpty()
                  ? "name its columns after '=': " + declared + " = a, b, …"
                  : "declare one " + keyword.spelling() + " a line");
        }
      } else if (after.is(Kind.EQUALS)) {
        body = tokens.subList(at + 1, tokens.size());
        if (body.get(0).is(Kind.END)) {
          problem = incomplete(after, Texts.quote(declared) + " needs "
              + (keyword == Keyword.PARAM ? "an initializer" : "an expression") + " after '='",
              "write it as: " + example);
        }
      } else if (keyword == Keyword.LET || !after.is(Kind.END)) {
        problem = after.is(Kind.END)
            ? incomplete(tokens.get(at - 1), Texts.quote(declared)
                + " needs '=' and an expression", "write it as: " + example)
            : source.error(ErrorCode.UNEXPECTED_AFTER_DECLARATION, after,
                "unexpected " + after.quoted() + " after " + Texts.quote(declared),
                "write it as: " + example);
      }
    } catch (SymgradException e) {
      problem = e;
    }
    // The name is declared even when the rest of the line is wrong, so that its uses raise
    // no second error; the declaration itself is not read further.
    Declaration declaration = new Declaration(keyword, line, word, name, body, rest, shape,
        indices, columns);
    declareName(declaration);
    if (keyword == Keyword.TARGET) {
      declarations.putSingle(declaration);
    }
    if (problem != null) {
      throw problem;
    }
    if (keyword == Keyword.INPUT && !shape.isEmpty()) {
      declareColumns(declaration);
    }
    declarations.add(declaration);
  }

  // Each column of a vector input is a graph variable: it must not be any other name.
  private void declareColumns(Declaration input) {
    for (String column : input.columns()) {
      Namespace.Conflict<Declaration> conflict = declarations.columnConflict(column);
      if (conflict != null) {
        Declaration first = conflict.first();
        throw source.error(ErrorCode.BAD_COLUMNS, input.name(),
            "column " + Texts.quote(column) + " of " + input.name().quoted() + " is already "
                + (conflict.clash() == Namespace.Clash.COLUMN
                    ? "a column of input " + first.name().quoted()
                    : "declared as " + first.keyword().role()),
            "on line " + first.line() + "; a column has one role");
      }
    }
    declarations.declareColumns(input);
  }

  private void checkNotReserved(Keyword keyword, Token name) {
    String text = name.text();
    NameRules.Reserved reserved = NameRules.reserved(text, keyword == Keyword.TARGET);
    if (reserved == NameRules.Reserved.LOSS_NAME) {
      throw source.error(ErrorCode.RESERVED_NAME, name, Texts.quote(text) + " is reserved",
          "in a loss expression, 'pred' is the prediction and 'target' the target column");
    }
    if (reserved != null) {
      throw source.error(ErrorCode.RESERVED_NAME, name,
          Texts.quote(text) + " is " + (reserved == NameRules.Reserved.SUM
              ? "reserved for index sums" : "the name of a function"),
          "choose another name");
    }
  }


  private void declareName(Declaration declaration) {
    Token name = declaration.name();
    Namespace.Conflict<Declaration> conflict = declarations.conflict(name.text(), declaration);
    if (conflict != null) {
      Declaration first = conflict.first();
      throw switch (conflict.clash()) {
        case COLUMN -> source.error(ErrorCode.BAD_COLUMNS, name,
            name.quoted() + " is already a column of input " + first.name().quoted(),
            "on line " + first.line() + "; a column has one role");
        case SAME_ROLE -> source.error(ErrorCode.DUPLICATE_NAME, name,
            "duplicate " + declaration.keyword().spelling() + " " + name.quoted(),
            name.quoted() + " is first declared on line " + first.line());
        case OTHER_ROLE -> source.error(ErrorCode.CONFLICTING_ROLES, name,
            name.quoted() + " is already declared as " + first.keyword().role(),
            "on line " + first.line() + "; a name has one role");
      };
    }
    declarations.declare(declaration);
  }

  private void declareSingle(Declaration declaration) {
    checkFirst(declaration.keyword(), declaration.keywordToken());
    declarations.putSingle(declaration);
    declarations.add(declaration);
  }

  private void checkFirst(Keyword keyword, Token word) {
    Declaration first = declarations.single(keyword);
    if (first != null) {
      throw source.error(ErrorCode.DUPLICATE_DECLARATION, word,
          "duplicate " + Texts.quote(keyword.spelling()) + " declaration",
          "a model file has one; the first is on line " + first.line());
    }
  }

  private SymgradException incomplete(Token at, String message, String hint) {
    return source.error(ErrorCode.INCOMPLETE_DECLARATION, at, message, hint);
  }

  private static int skipSpace(String text, int from, int end) {
    while (from < end && isSpace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String text, int start, int end) {
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }
}
