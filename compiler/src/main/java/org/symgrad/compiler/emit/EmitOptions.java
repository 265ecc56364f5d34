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

  /** The options the system properties ask for: {@value VectorMode#PROPERTY}, {@value
   * ModelClassDefiner#LINE_NUMBERS_PROPERTY}, {@value ModelClassDefiner#DUMP_PROPERTY}. For the
   * front door to call, once per compile. */
  public static EmitOptions fromSystemProperties() {
    return new EmitOptions(VectorMode.fromProperty(),
        System.getProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY, ""),
        System.getProperty(ModelClassDefiner.DUMP_PROPERTY));
  }

  /** The same options with vector kernels as {@code mode} says. */
  public EmitOptions withVector(VectorMode mode) {
    return new EmitOptions(mode, lineNumbers, dumpFolder);
  }
}
