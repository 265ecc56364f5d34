package org.symgrad.compiler.emit;

import java.util.Optional;

/**
 * Whether compiled models run their row loops on the Vector API ({@code jdk.incubator.vector}),
 * four rows an instruction at a fixed 256-bit species (see {@link VectorLoopWriter}).
 *
 * <p>A vectorised kernel adds its rows in the eight lanes of the one order every kernel
 * follows (see {@code Kernel}), so it gives the scalar kernel's bits, and is taken whenever the
 * JVM has the module: {@code -Dsymgrad.vector=auto} (the default: vectorise when the module is
 * in the boot layer, {@code java --add-modules jdk.incubator.vector}, and run the scalar kernel
 * otherwise), {@code off} (never) or {@code on} (vectorise, and refuse to compile without the
 * module).
 */
public enum VectorMode {
  /** The scalar kernels, whatever the JVM has. */
  OFF,
  /** Vector kernels when the JVM has the module, else the scalar ones. */
  AUTO,
  /** Vector kernels; compiling without the module is an error. */
  ON;

  /** The system property that picks the mode for {@code Symgrad.compile}, read there. */
  public static final String PROPERTY = "symgrad.vector";

  /** The incubator module the vector kernels link against. */
  public static final String MODULE = "jdk.incubator.vector";

  /**
   * Whether this JVM can run vector kernels: {@value #MODULE} is in the boot layer and this
   * module reads it. A class naming its types without that would fail to link.
   */
  public static boolean moduleAvailable() {
    Optional<Module> vector = ModuleLayer.boot().findModule(MODULE);
    return vector.isPresent() && VectorMode.class.getModule().canRead(vector.get());
  }

  /**
   * Whether to emit vector kernels in this JVM.
   *
   * @throws IllegalStateException for {@link #ON} when the module is missing
   */
  public boolean vectorises() {
    return switch (this) {
      case OFF -> false;
      case AUTO -> moduleAvailable();
      case ON -> {
        if (!moduleAvailable()) {
          throw new IllegalStateException("vector kernels (" + PROPERTY + "=on) need the "
              + "JVM's incubator module: run java with --add-modules " + MODULE);
        }
        yield true;
      }
    };
  }
}
