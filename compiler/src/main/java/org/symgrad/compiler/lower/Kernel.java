package org.symgrad.compiler.lower;

import java.util.List;

/**
 * One method of a compiled model as straight-line IR: a prologue run once (parameter loads and
 * everything that depends on parameters only, hoisted out of the loop), a body run for every
 * row, and an epilogue run after the loop.
 *
 * <p>A kernel too large for one JVM method is split (see {@link Splitter}): its sections then
 * mostly {@link Instr.Call} {@linkplain Helper helpers}, private methods with the kernel's own
 * arguments plus the row count, the row and a scratch array, through which values pass from one
 * method to the next ({@link Instr.Spill}, {@link Instr.Reload}). The sums of a split kernel
 * live in that array, sum {@code i} at {@code scratch[i]}, set to 0 before the loop, and so do
 * those of a kernel whose {@link Instr.Loop loops} add to sums by index; any other kernel keeps
 * them in locals and has no scratch array. A blocked kernel ({@link Interchanger}) also keeps
 * per-row values there, after the sums: {@link #blockRows()} places each.
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
    int blockRows) {

  /** The methods of {@code CompiledModel} that kernels implement. */
  public enum Kind {
    PREDICT("predict"),
    LOSS("loss"),
    LOSS_AND_GRADIENT("lossAndGradient"),
    /**
     * {@code ChunkedKernels.sums}: the fused loop over rows {@code [from, to)}, its epilogue
     * storing each raw sum to {@code sums[i]} ({@link Instr.StoreSum}).
     */
    SUMS("sums"),
    /**
     * {@code ChunkedKernels.finish}: no loop; the fused epilogue (mean, power-of-two scales,
     * penalty) over sums read from {@code sums[i]} and the {@code rows} argument.
     */
    FINISH("finish");

    private final String methodName;

    Kind(String methodName) {
      this.methodName = methodName;
    }

    public String methodName() {
      return methodName;
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
    if (!helpers.isEmpty() && scratchSize == 0) {
      throw new IllegalArgumentException("a split kernel passes values through scratch");
    }
    if (blockRows > 0 && (!helpers.isEmpty() || scratchSize == 0)) {
      throw new IllegalArgumentException("a blocked kernel is one method with a scratch array");
    }
  }

  /** A kernel whose body runs once per row. */
  public Kernel(Kind kind, List<Instr> prologue, List<Instr> body, List<Instr> epilogue,
      List<Accumulator> sums, int temps, List<Helper> helpers, int scratchSize) {
    this(kind, prologue, body, epilogue, sums, temps, helpers, scratchSize, 0);
  }

  /** A kernel in one method. */
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
      instructions.addAll(instr instanceof Instr.RowLoop loop ? loop.body() : List.of(instr));
    }
    return instructions;
  }

  /** Whether the kernel is split into helpers, with its sums in the scratch array. */
  public boolean isSplit() {
    return !helpers.isEmpty();
  }

  /**
   * Whether the sums live in the scratch array, sum {@code i} at {@code scratch[i]}: in a split
   * kernel, and in one whose loops add to sums by index ({@link Instr.AccumulateAt}).
   */
  public boolean sumsInScratch() {
    return scratchSize > 0;
  }

  /** The name of helper {@code index}'s method: {@code lossAndGradientPart3}. */
  public String helperName(int index) {
    return kind.methodName() + "Part" + index;
  }

  /** The listing: one instruction a line, sections marked, then each helper. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.methodName()).append(":\n");
    if (sumsInScratch()) {
      text.append("  (scratch ").append(scratchSize).append(", sums s0… in scratch 0…)\n");
    }
    prologue.forEach(i -> line(text, "  ", i));
    text.append(isBlocked() ? "  for each block of " + blockRows + " rows:\n"
        : "  for each row:\n");
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
