package org.symgrad.compiler.lower;

import java.util.List;

/**
 * A check a kernel's method makes of one of its array arguments before any work: one call of
 * the runtime's {@code Kernels}, which both emitters print at the head of the method ({@code
 * Kernels.checkParams(params, 2);}) and the listing shows ({@code check params.length == 2}).
 * A caller's array of the wrong length is then refused with a message naming it, instead of
 * being read in part or failing inside the model's class.
 *
 * @param argument the role of the array checked, in the kernel's signature
 * @param rule what is asked of its length
 * @param count the length the rule names: exact, at least, or per row
 */
public record LengthCheck(Argument.Role argument, Rule rule, int count) {

  /** What is asked of an array's length, and the runtime method that asks it. */
  public enum Rule {
    /** {@code params.length == count}: the model's parameters, no more and no fewer. */
    PARAMS("checkParams", "=="),
    /** {@code grad.length == count}: one value a result after the loss. */
    GRADIENT("checkGrad", "=="),
    /** {@code out.length >= rows * count}: {@code predict}'s outputs for every row. */
    OUTPUTS("checkOut", ">= rows *"),
    /** {@code sums.length >= count}: the chunked passes' raw sums. */
    SUMS("checkSums", ">="),
    /**
     * {@code 0 <= from <= to <= batch.size()}: a chunked pass's rows ({@code checkRows(from,
     * to, batch)}); no count.
     */
    ROWS("checkRows", "");

    private final String method;
    private final String relation;

    Rule(String method, String relation) {
      this.method = method;
      this.relation = relation;
    }

    /** The static method of {@code org.symgrad.runtime.Kernels} that checks it. */
    public String method() {
      return method;
    }

    /** Whether the method also takes the row count: {@code checkOut(out, rows, outputs)}. */
    public boolean perRow() {
      return this == OUTPUTS;
    }

    /** Whether it checks a chunk's row range rather than an array's length. */
    public boolean range() {
      return this == ROWS;
    }
  }

  /**
   * The lengths a program's arrays must have.
   *
   * @param params the values {@code params} holds: the model's parameters (and, for the
   *     second-order kernels that read a direction after them, that direction)
   * @param gradient the values {@code lossAndGradient} and {@code finish} write to {@code grad}
   * @param outputs {@code predict}'s outputs per row
   * @param sums {@code ChunkedKernels.sumCount()}
   */
  public record Lengths(int params, int gradient, int outputs, int sums) {}

  /** What a {@code kind} method checks, in the order of its arguments. */
  public static List<LengthCheck> of(Kernel.Kind kind, Lengths lengths) {
    LengthCheck params = new LengthCheck(Argument.Role.PARAMS, Rule.PARAMS, lengths.params());
    return switch (kind) {
      case PREDICT -> List.of(params,
          new LengthCheck(Argument.Role.OUTPUT, Rule.OUTPUTS, lengths.outputs()));
      case LOSS -> List.of(params);
      case LOSS_AND_GRADIENT -> List.of(params,
          new LengthCheck(Argument.Role.OUTPUT, Rule.GRADIENT, lengths.gradient()));
      // lossSums writes sums[0] alone, but takes the array sums takes: the runtime's default
      // lossSums runs sums, so a caller cannot count on a shorter one.
      case SUMS, LOSS_SUMS -> List.of(params,
          new LengthCheck(Argument.Role.BATCH, Rule.ROWS, 0),
          new LengthCheck(Argument.Role.OUTPUT, Rule.SUMS, lengths.sums()));
      // finish reads its sums array where the others read their batch.
      case FINISH -> List.of(params,
          new LengthCheck(Argument.Role.BATCH, Rule.SUMS, lengths.sums()),
          new LengthCheck(Argument.Role.OUTPUT, Rule.GRADIENT, lengths.gradient()));
    };
  }

  /** The listing line: {@code check grad.length == 2}, {@code check out.length >= rows * 1}. */
  public String listing(Kernel.Kind kind) {
    if (rule.range()) {
      Argument batch = kind.argument(argument);
      return "check 0 <= from <= to <= " + (batch == null ? "batch" : batch.name()) + ".size()";
    }
    Argument checked = kind.argument(argument);
    return "check " + (checked == null ? argument : checked.name()) + ".length "
        + rule.relation + " " + count;
  }
}
