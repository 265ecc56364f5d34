package org.symgrad.compiler.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.Initializer;

/**
 * One line of a model, split into its parts but not yet understood: a line of a file, or the
 * call of a builder that writes the same line ({@link BuiltLines}).
 *
 * @param keyword what the line declares
 * @param line its 1-based line number; a builder's call's, counted in call order
 * @param keywordToken the keyword as a token, for messages
 * @param name the declared name, for {@code input}, {@code target}, {@code param}, {@code let};
 *     the output's name for {@code model out[k] = …}; else null
 * @param body the tokens of the expression, ending with an END: after '=' for {@code let},
 *     {@code param} (null for a {@code param} without one) and {@code model out[k] = …}, the
 *     rest of the line for {@code model}, {@code loss} and {@code penalty}; null for {@code
 *     data} and {@code input}, and for a builder's line, whose {@code built} says it instead
 * @param text the rest of the line after the keyword, trimmed, comment removed
 * @param shape the extents of {@code param w[13]} or {@code input x[4]}; empty for a scalar
 *     and for lets and models, whose shape comes from their indices
 * @param indices the indices a {@code let h[j]} or {@code model out[k]} line binds; else empty
 * @param columns for an input, the data columns it reads, one for each element
 * @param built for a builder's line, what its call gave in place of the tokens; else null
 */
record Declaration(
    Keyword keyword,
    int line,
    Token keywordToken,
    Token name,
    List<Token> body,
    String text,
    List<Integer> shape,
    List<Token> indices,
    List<String> columns,
    @Nullable Built built) {

  /**
   * What a builder's call gives in place of a line's tokens, read already.
   *
   * @param initializer a param's
   * @param expression a let's, the model's, the penalty's, or a loss expression's
   * @param loss a named loss's word ({@code "mse"}, {@code "huber"}), or null
   * @param delta huber's delta
   */
  record Built(@Nullable Initializer initializer, @Nullable BuiltExpression expression,
      @Nullable String loss, double delta) {}

  Declaration {
    shape = List.copyOf(shape);
    indices = List.copyOf(indices);
    columns = List.copyOf(columns);
  }

  /** A line of a file. */
  Declaration(Keyword keyword, int line, Token keywordToken, Token name, List<Token> body,
      String text, List<Integer> shape, List<Token> indices, List<String> columns) {
    this(keyword, line, keywordToken, name, body, text, shape, indices, columns, null);
  }

  /** A line of a file without brackets. */
  Declaration(Keyword keyword, int line, Token keywordToken, Token name, List<Token> body,
      String text) {
    this(keyword, line, keywordToken, name, body, text, List.of(), List.of(),
        keyword == Keyword.INPUT ? List.of(name.text()) : List.of());
  }

  String nameText() {
    return name.text();
  }
}
