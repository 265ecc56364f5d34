package org.symgrad.compiler.parse;

import java.util.Objects;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * Parses a free-standing expression, as the {@code grad} command takes it:
 *
 * <pre>{@code
 * Graph graph = new Graph();
 * Node f = Expressions.parse("sin(x) * y^2", graph);   // mul(sin(x), pow(y, 2))
 * }</pre>
 *
 * <p>Every name that is not called is a variable ({@link Graph#variable}), whatever it is
 * called. The grammar, its precedence and how negation folds into constants are described in
 * {@code ExpressionParser}; {@code parse(ExpressionPrinter.print(e), graph)} returns {@code e}
 * itself for every node this method can return. Line breaks count as spaces, and an error's
 * line and column count from the start of {@code text}.
 */
public final class Expressions {
  /** The source name of an expression's diagnostics. */
  public static final String SOURCE = "<expression>";

  private Expressions() {}

  /**
   * The node of {@code text} in {@code graph}.
   *
   * @throws SymgradException for any text that is not an expression, with the first error's
   *     code, line and column; no other exception, whatever the text
   */
  public static Node parse(String text, Graph graph) {
    SourceText source = new SourceText(SOURCE, Objects.requireNonNull(text, "text"));
    return new ExpressionParser(
            source, Lexer.lex(source, 0, text.length()), graph,
            token -> Declared.scalar("a variable", graph.variable(token.text())))
        .parse();
  }
}
