package org.symgrad.compiler.emit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.symgrad.compiler.lower.Kernel;

/**
 * Where each statement of a generated source file sits: for every kernel, the 1-based line of
 * every IR instruction and of the loop's scaffolding. {@link BytecodeEmitter} writes these as
 * the class's {@code LineNumberTable}, so stack traces and debuggers of the bytecode model
 * point into the generated source.
 *
 * @param fileName the generated file's name ({@code Symgrad_Thermometer.java}), for the class's
 *     {@code SourceFile} attribute
 * @param kernels the lines of each kernel's method
 */
public record SourceLines(String fileName, Map<Kernel.Kind, KernelLines> kernels) {

  public SourceLines {
    Objects.requireNonNull(fileName, "fileName");
    kernels = java.util.Collections.unmodifiableMap(new EnumMap<>(kernels));
  }

  /** The lines of the method that implements {@code kind}. */
  public KernelLines kernel(Kernel.Kind kind) {
    KernelLines lines = kernels.get(kind);
    if (lines == null) {
      throw new IllegalArgumentException("no lines for " + kind);
    }
    return lines;
  }

  /**
   * The lines of one kernel's method, in the order the method runs them.
   *
   * @param rows {@code int rows = batch.size();}
   * @param scratch {@code double[] scratch = SCRATCH.get();} of a split kernel, else 0
   * @param columns each column array's load, by column index
   * @param prologue each prologue instruction's statement
   * @param sums each accumulator's {@code = 0.0}, in the order of {@link Kernel#sums()}; for
   *     a split kernel, the one {@code Arrays.fill} that zeroes them all
   * @param loop the {@code for} statement: initialisation, test and increment
   * @param body each body instruction's statement; in a kernel that {@linkplain
   *     Kernel#unrollsLanes() writes its body once per lane}, lane 0's, lane 1's, … lane 7's, then the last
   *     rows' loop's
   * @param epilogue each epilogue instruction's statement
   * @param helpers for each helper of a split kernel, each instruction's statement
   * @param lanes in a kernel whose body is written once per lane: each sum's lanes 1 to 7 set
   *     to 0, sum after sum; the loop over the last rows; each sum's final addition of its
   *     lanes. In one with its sums in scratch and a row loop: the row's lane. Else empty
   */
  public record KernelLines(
      int rows,
      int scratch,
      Map<Integer, Integer> columns,
      List<Integer> prologue,
      List<Integer> sums,
      int loop,
      List<Integer> body,
      List<Integer> epilogue,
      List<List<Integer>> helpers,
      List<Integer> lanes) {

    public KernelLines {
      columns = Map.copyOf(columns);
      prologue = List.copyOf(prologue);
      sums = List.copyOf(sums);
      body = List.copyOf(body);
      epilogue = List.copyOf(epilogue);
      helpers = helpers.stream().map(List::copyOf).toList();
      lanes = List.copyOf(lanes);
    }

    /** The line of the array load of {@code column}. */
    public int column(int column) {
      Integer line = columns.get(column);
      if (line == null) {
        throw new IllegalArgumentException("column " + column + " is not loaded");
      }
      return line;
    }
  }
}
