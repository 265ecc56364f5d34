package org.symgrad.compiler.emit;

/** What every generated class says about itself; {@code Symgrad} re-exports these. */
public final class GeneratedCode {
  /** The version written into generated code. */
  public static final String VERSION = "0.1";

  /**
   * The package of generated source when none is chosen: {@code symgrad emit}'s default, and
   * the package whose source the line numbers of hidden model classes point into.
   */
  public static final String DEFAULT_PACKAGE = "symgrad.generated";

  private GeneratedCode() {}
}
