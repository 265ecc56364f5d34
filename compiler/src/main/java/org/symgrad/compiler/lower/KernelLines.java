package org.symgrad.compiler.lower;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * On which line of the generated Java source each statement of one kernel's methods stands, in
 * the order the method runs them. {@link Kernel#lines()} gives them counted from each method's
 * opening line (the line where its signature ends in an opening brace); {@link #shifted}
 * places them in a file.
 * The source printer prints exactly this layout and the bytecode printer marks its instructions
 * with the same lines, so that a debugger or a stack trace of the bytecode model points at the
 * statement the source shows.
 *
 * @param rows {@code int rows = batch.size();}, or 0 in a chunked kernel, which has none
 * @param checks each of {@link Kernel#checks()}: {@code Kernels.checkParams(params, 2);}
 * @param scratch {@code double[] scratch = SCRATCH.get();} of a kernel with its sums in
 *     scratch, else 0
 * @param columns each column array's load, by column index
 * @param prologue each prologue instruction's statement
 * @param sums each accumulator's {@code = 0.0}, in the order of {@link Kernel#sums()}; for
 *     sums in scratch, the one {@code Arrays.fill} that zeroes them all
 * @param loop the row loop's {@code for} (or the block loop's): initialisation, test and
 *     increment; 0 in {@code finish}, which has no loop
 * @param body each body instruction's statement; in a kernel that {@linkplain
 *     Kernel#unrollsLanes() writes its body once per lane}, lane 0's, lane 1's, … lane 7's,
 *     then the last rows' loop's
 * @param epilogue each epilogue instruction's statement
 * @param helpers for each helper of a split kernel, each instruction's statement
 * @param lanes in a kernel whose body is written once per lane: each sum's lanes 1 to 7 set
 *     to 0, sum after sum; {@code groupsEnd}; the loop over the last rows; the {@code if} of
 *     the tree; each sum's final addition of its lanes. In one with its sums in scratch and a
 *     row loop: the row's lane. Else empty
 * @param inner for the kernel's method, then each helper: the statements inside an IR loop
 *     (and a block's end), which have no line of their own in the bytecode (their loop's
 *     instruction has one) but stand on their own lines in the source
 * @param lengths for the kernel's method, then each helper: its last line before the closing
 *     brace, counted from its opening line however the lines are placed, so that a file's
 *     layout can place the methods after it
 */
public record KernelLines(
    int rows,
    List<Integer> checks,
    int scratch,
    Map<Integer, Integer> columns,
    List<Integer> prologue,
    List<Integer> sums,
    int loop,
    List<Integer> body,
    List<Integer> epilogue,
    List<List<Integer>> helpers,
    List<Integer> lanes,
    List<List<Integer>> inner,
    List<Integer> lengths) {

  public KernelLines {
    columns = Map.copyOf(columns);
    checks = List.copyOf(checks);
    prologue = List.copyOf(prologue);
    sums = List.copyOf(sums);
    body = List.copyOf(body);
    epilogue = List.copyOf(epilogue);
    helpers = helpers.stream().map(List::copyOf).toList();
    lanes = List.copyOf(lanes);
    inner = inner.stream().map(List::copyOf).toList();
    lengths = List.copyOf(lengths);
  }

  /** The line of the array load of {@code column}. */
  public int column(int column) {
    Integer line = columns.get(column);
    if (line == null) {
      throw new IllegalArgumentException("column " + column + " is not loaded");
    }
    return line;
  }

  /**
   * These lines in a file whose kernel method opens on line {@code main} and whose helper
   * {@code i} opens on line {@code helperOpens.get(i)}. A 0 (no such statement) stays 0.
   */
  public KernelLines shifted(int main, List<Integer> helperOpens) {
    if (helperOpens.size() != helpers.size()) {
      throw new IllegalArgumentException(helpers.size() + " helpers, " + helperOpens.size()
          + " opening lines");
    }
    IntUnaryOperator inMain = line -> line == 0 ? 0 : line + main;
    Map<Integer, Integer> shiftedColumns = new HashMap<>();
    columns.forEach((column, line) -> shiftedColumns.put(column, inMain.applyAsInt(line)));
    List<List<Integer>> shiftedHelpers = new java.util.ArrayList<>();
    List<List<Integer>> shiftedInner = new java.util.ArrayList<>();
    shiftedInner.add(shift(inner.get(0), main));
    for (int i = 0; i < helpers.size(); i++) {
      shiftedHelpers.add(shift(helpers.get(i), helperOpens.get(i)));
      shiftedInner.add(shift(inner.get(i + 1), helperOpens.get(i)));
    }
    return new KernelLines(inMain.applyAsInt(rows), shift(checks, main),
        inMain.applyAsInt(scratch), shiftedColumns,
        shift(prologue, main), shift(sums, main), inMain.applyAsInt(loop), shift(body, main),
        shift(epilogue, main), shiftedHelpers, shift(lanes, main), shiftedInner, lengths);
  }

  private static List<Integer> shift(List<Integer> lines, int by) {
    return lines.stream().map(line -> line + by).toList();
  }
}
