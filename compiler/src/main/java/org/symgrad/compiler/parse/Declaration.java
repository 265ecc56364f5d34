package org.symgrad.compiler.parse;

import java.util.List;

/**
 * One line of a model file, split into its parts but not yet understood.
 *
 * @param keyword what the line declares
 * @param line its 1-based line number
 * @param keywordToken the keyword as a token, for messages
 * @param name the declared name, for {@code input}, {@code target}, {@code param}, {@code let}
 * @param body the tokens of the expression, ending with an END: after '=' for {@code let} and
 *     {@code param} (null for a {@code param} without one), the rest of the line for {@code
 *     model}, {@code loss} and {@code penalty}; null for {@code data}
 * @param text the rest of the line after the keyword, trimmed, comment removed
 */
record Declaration(
    Keyword keyword,
    int line,
    Token keywordToken,
    Token name,
    List<Token> body,
    String text) {

  String nameText() {
    return name.text();
  }
}
