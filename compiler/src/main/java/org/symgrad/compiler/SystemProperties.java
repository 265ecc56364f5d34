package org.symgrad.compiler;

import java.util.Locale;
import org.symgrad.compiler.emit.EmitOptions;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.compiler.emit.VectorMode;

/**
 * The system properties that choose how models are emitted, read here, at the front door, once
 * a compile: nothing in {@code emit} reads them, it takes the {@link EmitOptions} made here.
 */
public final class SystemProperties {
  private SystemProperties() {}

  /**
   * The options the system properties ask for: {@value VectorMode#PROPERTY}, {@value
   * ModelClassDefiner#LINE_NUMBERS_PROPERTY}, {@value ModelClassDefiner#DUMP_PROPERTY}.
   *
   * @throws IllegalArgumentException when {@value VectorMode#PROPERTY} is not off, auto or on
   */
  public static EmitOptions emitOptions() {
    return new EmitOptions(vectorMode(),
        System.getProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY, ""),
        System.getProperty(ModelClassDefiner.DUMP_PROPERTY));
  }

  /**
   * The mode {@value VectorMode#PROPERTY} names, in any case; {@link VectorMode#AUTO} when it
   * is unset: vector kernels give the scalar kernels' bits, so the JVM's module decides.
   *
   * @throws IllegalArgumentException when it is not off, auto or on
   */
  public static VectorMode vectorMode() {
    String asked = System.getProperty(VectorMode.PROPERTY, "auto");
    try {
      return VectorMode.valueOf(asked.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-D" + VectorMode.PROPERTY + "=" + asked
          + ": expected off, auto or on", e);
    }
  }
}
