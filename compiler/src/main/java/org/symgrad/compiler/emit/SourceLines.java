package org.symgrad.compiler.emit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.KernelLines;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;

/**
 * Where each statement of a generated source file sits: for every scalar kernel, its {@link
 * Kernel#lines() layout} placed at the lines where its methods open in the file, which {@link
 * #of} decides from the program ({@link FileLayout}). {@link
 * BytecodeEmitter} writes these as the class's {@code LineNumberTable}, so stack traces and
 * debuggers of the bytecode model point into the generated source.
 *
 * @param fileName the generated file's name ({@code Symgrad_Thermometer.java}), for the class's
 *     {@code SourceFile} attribute
 * @param kernels the lines of each kernel's methods
 */
public record SourceLines(String fileName, Map<Kernel.Kind, KernelLines> kernels) {

  public SourceLines {
    Objects.requireNonNull(fileName, "fileName");
    kernels = java.util.Collections.unmodifiableMap(new EnumMap<>(kernels));
  }

  /**
   * Where the statements of {@code program}'s source stand, the source {@link SourceEmitter}
   * prints as class {@code className} of {@code packageName}: decided from the program, with
   * no source rendered.
   */
  public static SourceLines of(Program program, String packageName, String className) {
    return FileLayout.of(program, packageName, className);
  }

  /**
   * The same, for the program lowered to vector row loops where {@code vector} asks, as {@link
   * SourceEmitter#emitWithLines(Program, String, String, boolean)} prints it.
   */
  public static SourceLines of(Program program, String packageName, String className,
      boolean vector) {
    return of(Vectorisable.apply(program, vector), packageName, className);
  }

  /** The lines of the methods that implement {@code kind}. */
  public KernelLines kernel(Kernel.Kind kind) {
    KernelLines lines = kernels.get(kind);
    if (lines == null) {
      throw new IllegalArgumentException("no lines for " + kind);
    }
    return lines;
  }
}
