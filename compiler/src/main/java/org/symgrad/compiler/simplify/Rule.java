package org.symgrad.compiler.simplify;

import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/**
 * One named rewrite, such as {@code x * 1 -> x}. It looks at one node whose inputs are already
 * simplified and returns its replacement, or null when it does not apply.
 */
public record Rule(String name, Rewrite rewrite) {

  /** The rewrite itself. */
  @FunctionalInterface
  public interface Rewrite {
    @Nullable Node apply(Graph g, Node n);
  }

  /** The replacement for {@code n}, or null. */
  public @Nullable Node apply(Graph g, Node n) {
    return rewrite.apply(g, n);
  }

  @Override
  public String toString() {
    return name;
  }
}
