package org.symgrad.compiler.emit;

import org.jspecify.annotations.Nullable;

/**
 * How a compiled model's class is made, decided once where a compile starts ({@code
 * Symgrad.compile}, {@code ModelCache}) and passed down, so nothing in {@code emit} reads
 * system properties.
 *
 * @param vector whether row loops run on the Vector API
 * @param lineNumbers {@code "true"}, {@code "false"} or {@code ""}: the line-number policy of
 *     {@link ModelClassDefiner#wantsLineNumbers}
 * @param dumpFolder a folder to write every class into as well, or null
 */
public record EmitOptions(VectorMode vector, String lineNumbers, @Nullable String dumpFolder) {
  /** Scalar kernels, line numbers by the default policy, nothing dumped. */
  public static final EmitOptions DEFAULT = new EmitOptions(VectorMode.OFF, "", null);

  public EmitOptions {
    java.util.Objects.requireNonNull(vector, "vector");
    java.util.Objects.requireNonNull(lineNumbers, "lineNumbers");
  }

  /** The same options with vector kernels as {@code mode} says. */
  public EmitOptions withVector(VectorMode mode) {
    return new EmitOptions(mode, lineNumbers, dumpFolder);
  }
}
