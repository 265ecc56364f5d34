package org.symgrad.compiler.diagnostic;

import java.util.List;

/**
 * A model that symgrad cannot compile: a parse, name, shape or data error. It carries one or
 * more {@link Diagnostic}s, each with a code and a place; {@link #getMessage()} is their
 * rendered text, ready to print as it is.
 */
public final class SymgradException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Diagnostic> diagnostics;

  public SymgradException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public SymgradException(List<Diagnostic> diagnostics) {
    super(render(diagnostics), null, false, false);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("an error needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The first diagnostic. */
  public Diagnostic first() {
    return diagnostics.get(0);
  }

  private static String render(List<Diagnostic> diagnostics) {
    return String.join("\n", diagnostics.stream().map(Diagnostic::render).toList());
  }
}
