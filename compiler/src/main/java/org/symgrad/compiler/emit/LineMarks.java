package org.symgrad.compiler.emit;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.KernelLines;

/**
 * Marks a method's bytecode with the lines of the generated source ({@link KernelLines}), so
 * that a debugger or a stack trace points at the statement that runs; marks nothing when the
 * class is written without line numbers.
 */
final class LineMarks {
  private final MethodVisitor code;
  private final @Nullable KernelLines lines;

  LineMarks(MethodVisitor code, @Nullable KernelLines lines) {
    this.code = code;
    this.lines = lines;
  }

  /** Starts the code of the statement on line {@code which} of the kernel's lines. */
  void at(ToIntFunction<KernelLines> which) {
    if (lines != null) {
      Label here = new Label();
      code.visitLabel(here);
      code.visitLineNumber(which.applyAsInt(lines), here);
    }
  }

  /** The same, for the statement at {@code index} of a list of the kernel's lines. */
  void at(int index, Function<KernelLines, List<Integer>> which) {
    at(lines -> which.apply(lines).get(index));
  }
}
