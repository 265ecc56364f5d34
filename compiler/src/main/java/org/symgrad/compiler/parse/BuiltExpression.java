package org.symgrad.compiler.parse;

import java.util.List;

/**
 * A line's expression as a builder ({@code org.symgrad.compiler.api}) wrote it by calls, in
 * place of the tokens a file's line has. The checker, {@link ModelReader}, asks it to write
 * itself when it reads the line, in the line's turn, as it parses a file's expression.
 */
public interface BuiltExpression {

  /**
   * Writes the expression through {@code nodes}, the one graph writer, each name being what
   * {@code scope} says it means in this line; a refusal is the builder's to word and throw.
   *
   * @param indices the indices the line binds ({@code let h[j, k]}), in order: the result is
   *     over exactly those
   */
  IndexedNodes write(NodeWriter nodes, LineScope scope, List<String> indices);
}
