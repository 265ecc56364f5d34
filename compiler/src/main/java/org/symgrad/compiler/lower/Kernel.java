package org.symgrad.compiler.lower;

import static org.symgrad.compiler.lower.Argument.Role.BATCH;
import static org.symgrad.compiler.lower.Argument.Role.FROM;
import static org.symgrad.compiler.lower.Argument.Role.OUTPUT;
import static org.symgrad.compiler.lower.Argument.Role.PARAMS;
import static org.symgrad.compiler.lower.Argument.Role.ROWS;
import static org.symgrad.compiler.lower.Argument.Type.DOUBLES;
import static org.symgrad.compiler.lower.Argument.Type.INT;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Argument.Type;
import org.symgrad.runtime.SumLanes;

/**
 * One method of a compiled model as straight-line IR: a prologue run once (parameter loads and
 * everything that depends on parameters only, hoisted out of the loop), a body run for every
 * row, and an epilogue run after the loop.
 *
 * <p>A kernel too large for one JVM method is split (see {@link Splitter}): its sections then
 * mostly {@link Instr.Call} {@linkplain Helper helpers}, private methods with the kernel's own
 * arguments plus the row count, the row, the row's lane and a scratch array, through which
 * values pass from one method to the next ({@link Instr.Spill}, {@link Instr.Reload}). The
 * sums of a split kernel live in that array, lane {@code k} of sum {@code i} at {@code
 * scratch[8 * i + k]}, set to 0 before the loop, and so do those of a kernel whose {@link
 * Instr.Loop loops} add to sums by index, and of one too large to write once per lane ({@link
 * #lanesInScratch()}); any other kernel keeps them in locals and has no scratch array. A
 * blocked kernel ({@link Interchanger}) also keeps per-row values there, after the sums:
 * {@link #blockRows()} places each.
 *
 * <p><b>The order of a row sum</b> (runtime {@code SumLanes} defines it). Every kernel that
 * sums rows adds the rows of a pass {@code [from, to)} in one order, which every backend
 * follows, so that scalar, Vector API and any thread count give the same bits. A pass of fewer
 * than {@value #SHORT} rows adds its rows in row order into one partial from +0. A longer one
 * takes the rows in groups of {@value #LANES} from {@code from}, row {@code from + 8g + k} of
 * a whole group added to lane {@code k}; the rows after the last whole group (fewer than 8)
 * are added, in order, to lane 0; every lane starts at +0 and adds its rows in row order; then
 * the sum is {@code ((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7))}. Chunked passes ({@code
 * ParallelObjective}) cut the batch into fixed chunks, each a pass of its own (so only a last
 * chunk can be short, whatever the thread count), and add the chunk totals in chunk order.
 * Eight lanes are the two 256-bit vectors of the vector loop, and give the scalar loop eight
 * independent additions per sum; a short pass is where their set-up and tree cost more than
 * they save. A row's own terms are unchanged: a sum over {@code j} inside a row ({@link
 * Instr.Loop}) keeps its order.
 *
 * @param kind which method of {@code CompiledModel} this is
 * @param prologue before the row loop
 * @param body inside the row loop
 * @param epilogue after the row loop
 * @param sums the accumulators, each set to 0 before the loop
 * @param temps how many temporaries the kernel numbers ({@code t0} to {@code t(temps-1)})
 * @param helpers the helper methods, by index; empty unless split
 * @param scratchSize how many doubles the scratch array holds; 0 when the kernel has none
 * @param blockRows 0 when the body runs once per row; else the body runs once per block of
 *     that many rows (the last may be shorter), and its {@link Instr.RowLoop row loops} visit
 *     the block's rows (see {@link Interchanger})
 * @param vectorised whether the row loop runs four rows an instruction on the Vector API,
 *     as {@link Vectorisable} decided: its body then holds only {@link Vectorisable.Lane lanes}
 * @param checks what the method checks of its array arguments before any work, in order
 *     (see {@link LengthCheck}); none in a kernel built without lengths, as tests build them
 */
public record Kernel(
    Kind kind,
    List<Instr> prologue,
    List<Instr> body,
    List<Instr> epilogue,
    List<Accumulator> sums,
    int temps,
    List<Helper> helpers,
    int scratchSize,
    int blockRows,
    boolean vectorised,
    List<LengthCheck> checks) {

  /** The lanes of a row sum: see the class comment. */
  public static final int LANES = SumLanes.LANES;

  /** A pass of fewer rows adds them in row order, one partial a sum: see the class comment. */
  public static final int SHORT = SumLanes.SHORT;

  /** The methods of {@code CompiledModel} that kernels implement, with their signatures. */
  public enum Kind {
    /** {@code void predict(double[] params, Batch inputs, double[] out)}. */
    PREDICT("predict", false, arg(PARAMS, "params", DOUBLES), arg(BATCH, "inputs", Type.BATCH),
        arg(OUTPUT, "out", DOUBLES)),
    /** {@code double loss(double[] params, Batch batch)}. */
    LOSS("loss", true, arg(PARAMS, "params", DOUBLES), arg(BATCH, "batch", Type.BATCH)),
    /** {@code double lossAndGradient(double[] params, Batch batch, double[] grad)}. */
    LOSS_AND_GRADIENT("lossAndGradient", true, arg(PARAMS, "params", DOUBLES),
        arg(BATCH, "batch", Type.BATCH), arg(OUTPUT, "grad", DOUBLES)),
    /**
     * {@code ChunkedKernels.sums(params, batch, from, to, sums)}: the fused loop over rows
     * {@code [from, to)}, its epilogue storing each raw sum to {@code sums[i]} ({@link
     * Instr.StoreSum}).
     */
    SUMS("sums", false, arg(PARAMS, "params", DOUBLES), arg(BATCH, "batch", Type.BATCH),
        arg(FROM, "from", INT), arg(ROWS, "to", INT), arg(OUTPUT, "sums", DOUBLES)),
    /**
     * {@code ChunkedKernels.lossSums(params, batch, from, to, sums)}: {@link #SUMS} with the
     * loss sum alone, stored to {@code sums[0]}: a chunked pass without gradient (validation).
     * Its loop adds the same per-row loss in the same order, so {@code sums[0]} has {@code
     * sums}' bits.
     */
    LOSS_SUMS("lossSums", false, arg(PARAMS, "params", DOUBLES),
        arg(BATCH, "batch", Type.BATCH), arg(FROM, "from", INT), arg(ROWS, "to", INT),
        arg(OUTPUT, "sums", DOUBLES)),
    /**
     * {@code ChunkedKernels.finish(params, sums, rows, grad)}: no loop; the fused epilogue
     * (mean, power-of-two scales, penalty) over sums read from {@code sums[i]} and the {@code
     * rows} argument.
     */
    FINISH("finish", true, arg(PARAMS, "params", DOUBLES), arg(BATCH, "sums", DOUBLES),
        arg(ROWS, "rows", INT), arg(OUTPUT, "grad", DOUBLES));

    private final String methodName;
    private final boolean returnsLoss;
    private final List<Argument> arguments;

    Kind(String methodName, boolean returnsLoss, Argument... arguments) {
      this.methodName = methodName;
      this.returnsLoss = returnsLoss;
      this.arguments = List.of(arguments);
    }

    public String methodName() {
      return methodName;
    }

    /** Whether the method is one of {@code ChunkedKernels}' (its row count is an argument). */
    public boolean chunked() {
      return this == SUMS || this == LOSS_SUMS || this == FINISH;
    }

    /** Whether the method sums rows: {@code loss}, {@code lossAndGradient}, the chunk sums. */
    public boolean sumsRows() {
      return this == LOSS || this == LOSS_AND_GRADIENT || this == SUMS || this == LOSS_SUMS;
    }

    /** Whether the method returns the loss ({@code double}) rather than nothing. */
    public boolean returnsLoss() {
      return returnsLoss;
    }

    /** The method's arguments, in order. */
    public List<Argument> arguments() {
      return arguments;
    }

    /** The argument with {@code role}, or null when the method has none. */
    public @Nullable Argument argument(Argument.Role role) {
      int position = position(role);
      return position < 0 ? null : arguments.get(position);
    }

    /** The position of the argument with {@code role} (0 for the first), or -1. */
    public int position(Argument.Role role) {
      // A loop, not a stream: emitting asks this for every argument of every kernel.
      for (int i = 0; i < arguments.size(); i++) {
        if (arguments.get(i).role() == role) {
          return i;
        }
      }
      return -1;
    }

    private static Argument arg(Argument.Role role, String name, Type type) {
      return new Argument(role, name, type);
    }
  }

  /**
   * A private helper method of a split kernel: straight-line code run where a {@link
   * Instr.Call} names it. A temporary keeps its kernel-wide number in every method that holds
   * it, so that {@code t7} is the same value wherever it is read.
   */
  public record Helper(int index, List<Instr> code) {
    public Helper {
      code = List.copyOf(code);
    }
  }

  public Kernel {
    prologue = List.copyOf(prologue);
    body = List.copyOf(body);
    epilogue = List.copyOf(epilogue);
    sums = List.copyOf(sums);
    helpers = List.copyOf(helpers);
    checks = List.copyOf(checks);
    if (!helpers.isEmpty() && scratchSize == 0) {
      throw new IllegalArgumentException("a split kernel passes values through scratch");
    }
    if (blockRows > 0 && (!helpers.isEmpty() || scratchSize == 0)) {
      throw new IllegalArgumentException("a blocked kernel is one method with a scratch array");
    }
  }

  /** A scalar kernel that checks no argument. */
  public Kernel(Kind kind, List<Instr> prologue, List<Instr> body, List<Instr> epilogue,
      List<Accumulator> sums, int temps, List<Helper> helpers, int scratchSize, int blockRows) {
    this(kind, prologue, body, epilogue, sums, temps, helpers, scratchSize, blockRows, false,
        List.of());
  }

  /** The same kernel, its row loop on the Vector API or not. */
  Kernel withVectorised(boolean on) {
    return on == vectorised ? this : new Kernel(kind, prologue, body, epilogue, sums, temps,
        helpers, scratchSize, blockRows, on, checks);
  }

  /** The same kernel checking its arrays against {@code lengths} ({@link LengthCheck#of}). */
  Kernel withChecks(LengthCheck.Lengths lengths) {
    return new Kernel(kind, prologue, body, epilogue, sums, temps, helpers, scratchSize,
        blockRows, vectorised, LengthCheck.of(kind, lengths));
  }

  /**
   * The same kernel with its code rewritten by a pass ({@link Reroller}, {@link Splitter},
   * {@link Interchanger}), scalar, checking what this one checks.
   */
  Kernel rewritten(List<Instr> prologue, List<Instr> body, List<Instr> epilogue, int temps,
      List<Helper> helpers, int scratchSize, int blockRows) {
    return new Kernel(kind, prologue, body, epilogue, sums, temps, helpers, scratchSize,
        blockRows, false, checks);
  }

  /** A kernel whose body runs once per row, checking no argument. */
  public Kernel(Kind kind, List<Instr> prologue, List<Instr> body, List<Instr> epilogue,
      List<Accumulator> sums, int temps, List<Helper> helpers, int scratchSize) {
    this(kind, prologue, body, epilogue, sums, temps, helpers, scratchSize, 0);
  }

  /** A kernel in one method, checking no argument. */
  public Kernel(Kind kind, List<Instr> prologue, List<Instr> body, List<Instr> epilogue,
      List<Accumulator> sums, int temps) {
    this(kind, prologue, body, epilogue, sums, temps, List.of(), 0);
  }

  /** Whether the body runs once per block of {@link #blockRows()} rows. */
  public boolean isBlocked() {
    return blockRows > 0;
  }

  /**
   * The body's instructions with those of its top-level {@link Instr.RowLoop row loops} in
   * their place: where the method's loads of a column at the row are.
   */
  public List<Instr> rowInstructions() {
    List<Instr> instructions = new java.util.ArrayList<>();
    for (Instr instr : body) {
      instructions.addAll(InstrType.of(instr) == InstrType.ROW_LOOP ? Instr.nested(instr)
          : List.of(instr));
    }
    return instructions;
  }

  /** Whether the kernel is split into helpers, with its sums in the scratch array. */
  public boolean isSplit() {
    return !helpers.isEmpty();
  }

  /**
   * Whether the sums live in the scratch array, lane {@code k} of sum {@code i} at {@code
   * scratch[8 * i + k]}: in a split kernel, in one whose loops add to sums by index ({@link
   * Instr.AccumulateAt}), and in one whose lanes are {@linkplain #lanesInScratch() there}.
   */
  public boolean sumsInScratch() {
    return scratchSize > 0 || lanesInScratch();
  }

  /**
   * Whether the scalar row loop is written once per lane: each sum in {@value #LANES} locals,
   * the body once per lane for the rows of each whole group and once more for the rows after
   * the last (all the rows of a short pass), so that the order of the class comment costs no memory traffic. Only a loop that
   * sums with its sums in locals, whose body fits the method that many times; a larger one
   * keeps its lanes in the scratch array ({@link #lanesInScratch()}).
   */
  public boolean unrollsLanes() {
    return sumsInLocals() && CodeSize.unrolled(this) <= CodeSize.METHOD_LIMIT;
  }

  /**
   * Whether a kernel that would keep its sums in locals keeps their lanes in the scratch array
   * instead, because its body is too large to write once per lane. Its scalar loop then runs
   * the body once per row, adding to lane {@code SumLanes.lane(row, from, to)}.
   */
  public boolean lanesInScratch() {
    return sumsInLocals() && CodeSize.unrolled(this) > CodeSize.METHOD_LIMIT;
  }

  // A scalar loop that sums, one method, row by row, with no scratch array of its own.
  private boolean sumsInLocals() {
    return kind.sumsRows() && !vectorised && scratchSize == 0 && !isBlocked() && !sums.isEmpty();
  }

  /** Whether the kernel sums rows ({@link Kind#sumsRows()}). */
  public boolean sumsRows() {
    return kind.sumsRows();
  }

  /**
   * How many doubles the scratch array must hold for this kernel: its {@link #scratchSize()},
   * or each sum's lanes when they are {@linkplain #lanesInScratch() there}.
   */
  public int scratchLength() {
    return lanesInScratch() ? LANES * sums.size() : scratchSize;
  }

  /**
   * Whether the kernel's own row loop starts each row by picking its lane in scratch: {@code
   * int lane = SumLanes.lane(row, from, rows);}.
   */
  public boolean picksLanes() {
    return sumsInScratch() && sumsRows() && !isBlocked();
  }

  /**
   * On which line of the generated source each statement of the kernel's methods stands,
   * counted from each method's opening line; the source is printed so and the bytecode marked
   * so ({@link LineLayout}). A scalar kernel's only: a vectorised loop has no lines.
   */
  public KernelLines lines() {
    return LineLayout.of(this);
  }

  /** Where the kernel's own method keeps its arguments, locals, columns and sums. */
  public Layout layout() {
    return Layout.main(this);
  }

  /** Where each helper method of a split kernel keeps its arguments and locals. */
  public Layout helperLayout() {
    return Layout.helper(this);
  }

  /** The name of helper {@code index}'s method: {@code lossAndGradientPart3}. */
  public String helperName(int index) {
    return kind.methodName() + "Part" + index;
  }

  /** The listing: one instruction a line, sections marked, then each helper. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.methodName()).append(":\n");
    checks.forEach(check -> text.append("  ").append(check.listing(kind)).append('\n'));
    if (sumsInScratch()) {
      text.append("  (scratch ").append(scratchLength())
          .append(", the 8 lanes of sums s0… in scratch 0…)\n");
    }
    prologue.forEach(i -> line(text, "  ", i));
    text.append(isBlocked() ? "  for each block of " + blockRows + " rows:\n"
        : vectorised ? "  for each row, four rows a vector:\n" : "  for each row:\n");
    body.forEach(i -> line(text, "    ", i));
    epilogue.forEach(i -> line(text, "  ", i));
    for (Helper helper : helpers) {
      text.append(kind.methodName()).append(" part ").append(helper.index()).append(":\n");
      helper.code().forEach(i -> line(text, "  ", i));
    }
    return text.toString();
  }

  // A loop's body lines are indented under it.
  private static void line(StringBuilder text, String indent, Instr instr) {
    text.append(indent).append(instr.toString().replace("\n", "\n" + indent)).append('\n');
  }
}
