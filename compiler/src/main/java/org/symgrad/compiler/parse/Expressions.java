package org.symgrad.compiler.parse;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
    return parseWithVariables(text, graph).node();
  }

  /**
   * An expression's node and its free names: every name the text uses as a variable, in the
   * order of their nodes' ids (first use first). Taken from the text, not from the node, so
   * a name that the graph folds away ({@code x} in {@code x^0} or {@code 0*x + y}) is still
   * one: its derivative is 0, and a caller such as {@code grad} must still report it.
   *
   * @param node the expression's node
   * @param variables the variable nodes of every name used, each once
   */
  public record Parsed(Node node, List<Node> variables) {
    public Parsed {
      Objects.requireNonNull(node, "node");
      variables = List.copyOf(variables);
    }
  }

  /**
   * As {@link #parse}, with the free names.
   *
   * @throws SymgradException as {@link #parse} does
   */
  public static Parsed parseWithVariables(String text, Graph graph) {
    SourceText source = new SourceText(SOURCE, Objects.requireNonNull(text, "text"));
    Set<Node> used = new LinkedHashSet<>();
    Node node = new ExpressionParser(
            source, Lexer.lex(source, 0, text.length()), graph,
            token -> {
              Node variable = graph.variable(token.text());
              used.add(variable);
              return Declared.scalar("a variable", variable);
            })
        .parse();
    return new Parsed(node,
        used.stream().sorted(Comparator.comparingInt(Node::id)).toList());
  }
}
