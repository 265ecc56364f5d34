package org.symgrad.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Operation;
import org.symgrad.compiler.lower.Value;
import org.symgrad.compiler.lower.Vectorisable;

/**
 * Writes the row loop of a {@linkplain Vectorisable vectorisable} kernel in Java with the
 * Vector API, statement for statement what {@link VectorLoopWriter} writes as bytecode:
 *
 * <pre>{@code
 * double lossSum = 0.0;
 * if (rows < 24) {
 *   for (int row = 0; row < rows; row++) { …the scalar body… }
 * } else {
 *   DoubleVector wLanes = DoubleVector.broadcast(SPECIES_256, w);
 *   DoubleVector lossSumLo = DoubleVector.zero(SPECIES_256);
 *   int row = 0;
 *   for (int last = rows - 8; row <= last; row += 8) {
 *     DoubleVector t_uLo = DoubleVector.fromArray(SPECIES_256, t_uColumn, row);
 *     …
 *     DoubleVector t_uHi = DoubleVector.fromArray(SPECIES_256, t_uColumn, row + 4);
 *     …
 *   }
 *   lossSum = lossSumLo.lane(0);
 *   for (; row < rows; row++) { …the scalar body… }
 *   lossSum = ((lossSum + lossSumHi.lane(0)) + (lossSumLo.lane(1) + lossSumHi.lane(1))) + …;
 * }
 * }</pre>
 *
 * <p>A short pass ({@link Kernel#SHORT}) runs the scalar body alone, its rows in order. In a
 * longer one lane k of the two vectors is lane k of {@link Kernel}'s order of a row sum (Lo
 * lanes 0 to 3, Hi lanes 4 to 7), and the last rows go to lane 0, as in the scalar loop.
 */
final class VectorLoopSource implements Vectorisable.LanePrinter {
  static final ClassName DOUBLE_VECTOR = ClassName.get("jdk.incubator.vector", "DoubleVector");
  /** Statically imported by a class with vector kernels. */
  static final String SPECIES = "SPECIES_256";
  private static final String[] HALVES = {"Lo", "Hi"};

  private final Kernel kernel;
  private final StatementWriter writer;
  private final LocalNames names;
  private final StatementWriter.Names fixed;
  private final Map<Integer, String> columns;
  private final Map<Accumulator, String> sums;
  private final Map<Value, String> broadcasts = new LinkedHashMap<>();
  private final Map<Integer, String> bodyTemps = new HashMap<>();
  // The vector loop being written: its code, each half's temporaries, each sum's partials.
  private CodeBlock.Builder code;
  private final List<Map<Integer, String>> halfTemps = List.of(new HashMap<>(), new HashMap<>());
  private final Map<Accumulator, String[]> partials = new HashMap<>();

  /**
   * @param writer the method's scalar statements, whose temporaries are named already
   * @param sums the local of each scalar sum, which the vectors' totals start
   */
  VectorLoopSource(Kernel kernel, StatementWriter writer, LocalNames names,
      StatementWriter.Names fixed, Map<Integer, String> columns,
      Map<Accumulator, String> sums) {
    this.kernel = kernel;
    this.writer = writer;
    this.names = names;
    this.fixed = fixed;
    this.columns = columns;
    this.sums = sums;
    Vectorisable.bodyTemps(kernel)
        .forEach(temp -> bodyTemps.put(temp.index(), writer.operand(temp)));
  }

  /** The lane-wise method of {@code operation}, one of {@link Vectorisable#LANE_WISE}. */
  static String method(Operation operation) {
    return switch (operation) {
      case ADD -> "add";
      case SUB -> "sub";
      case MUL -> "mul";
      case DIV -> "div";
      case NEG -> "neg";
      case SQRT -> "sqrt";
      case ABS -> "abs";
      case MIN -> "min";
      case MAX -> "max";
      default -> throw new IllegalArgumentException(operation + " is not written lane-wise");
    };
  }

  /** The loops, after the prologue; the epilogue follows. */
  void write(CodeBlock.Builder code) {
    this.code = code;
    String row = fixed.row();
    String start = fixed.from() != null ? fixed.from() : "0";
    String passRows = fixed.from() != null ? fixed.rows() + " - " + start : fixed.rows();
    code.beginControlFlow("if ($L < $L)", passRows, Kernel.SHORT);
    code.add("// A pass of fewer than $L rows adds its rows in order, one partial a sum.\n",
        Kernel.SHORT);
    code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", row, start, row, fixed.rows(),
        row);
    writer.inRowLoop(true);
    kernel.body().forEach(instr -> writer.instruction(code, instr));
    writer.inRowLoop(false);
    code.endControlFlow();
    code.nextControlFlow("else");
    code.add("// Rows $L at a time as two vectors of $L lanes, the same on every machine; "
        + "then the rest.\n", VectorLoopWriter.STEP, VectorLoopWriter.LANES);
    for (Instr instr : kernel.body()) {
      for (Value operand : Instr.operands(instr)) {
        if (!isBodyTemp(operand) && !broadcasts.containsKey(operand)) {
          String name = names.allocate(operand instanceof Value.Temp
              ? writer.operand(operand) + "Lanes" : "literal" + broadcasts.size());
          broadcasts.put(operand, name);
          declare(code, name, CodeBlock.of("$T.broadcast($L, $L)", DOUBLE_VECTOR, SPECIES,
              writer.operand(operand)));
        }
      }
    }
    for (Accumulator sum : kernel.sums()) {
      String[] halves = new String[2];
      for (int half = 0; half < 2; half++) {
        halves[half] = names.allocate(sums.get(sum) + HALVES[half]);
        declare(code, halves[half], CodeBlock.of("$T.zero($L)", DOUBLE_VECTOR, SPECIES));
      }
      partials.put(sum, halves);
    }
    writer.statement(code, "int " + row + " = ", "$L", start);
    String last = names.allocate("last");
    code.beginControlFlow("for (int $L = $L - $L; $L <= $L; $L += $L)", last, fixed.rows(),
        VectorLoopWriter.STEP, row, last, row, VectorLoopWriter.STEP);
    for (int half = 0; half < 2; half++) {
      for (Instr instr : kernel.body()) {
        Vectorisable.print(instr, half, this);
      }
    }
    code.endControlFlow();
    for (Accumulator sum : kernel.sums()) {
      writer.statement(code, sums.get(sum) + " = ", "$L.lane(0)",
          partials.get(sum)[0]);
    }
    code.add("// The last rows, fewer than $L, one at a time into lane 0.\n",
        VectorLoopWriter.STEP);
    code.beginControlFlow("for (; $L < $L; $L++)", row, fixed.rows(), row);
    writer.inRowLoop(true);
    kernel.body().forEach(instr -> writer.instruction(code, instr));
    writer.inRowLoop(false);
    code.endControlFlow();
    code.add("// Each sum's 8 lanes in the scalar kernels' fixed order (reduceLanes' is "
        + "unspecified).\n");
    for (Accumulator sum : kernel.sums()) {
      String s = sums.get(sum);
      String lo = partials.get(sum)[0];
      String hi = partials.get(sum)[1];
      writer.statement(code, s + " = ", "(($L + $L.lane(0)) + ($L.lane(1) + $L.lane(1)))"
          + "$W+ (($L.lane(2) + $L.lane(2)) + ($L.lane(3) + $L.lane(3)))",
          s, hi, lo, hi, lo, hi, lo, hi);
    }
    code.endControlFlow();
  }

  @Override
  public void loadColumn(Instr.LoadColumn load, int half) {
    String offset = half == 0 ? fixed.row() : fixed.row() + " + " + VectorLoopWriter.LANES;
    declare(code, define(load.to(), half), CodeBlock.of("$T.fromArray($L, $L, $L)",
        DOUBLE_VECTOR, SPECIES, columns.get(load.column()), offset));
  }

  @Override
  public void compute(Instr.Compute compute, int half) {
    String method = method(compute.operation());
    String first = vector(compute.args().get(0), halfTemps.get(half));
    CodeBlock value = compute.args().size() == 1
        ? CodeBlock.of("$L.$L()", first, method)
        : CodeBlock.of("$L.$L($L)", first, method,
            vector(compute.args().get(1), halfTemps.get(half)));
    declare(code, define(compute.to(), half), value);
  }

  @Override
  public void accumulate(Instr.Accumulate accumulate, int half) {
    String partial = partials.get(accumulate.sum())[half];
    writer.statement(code, partial + " = ", "$L.add($L)", partial,
        vector(accumulate.value(), halfTemps.get(half)));
  }

  private String define(Value.Temp temp, int half) {
    String name = names.allocate(bodyTemps.get(temp.index()) + HALVES[half]);
    halfTemps.get(half).put(temp.index(), name);
    return name;
  }

  private String vector(Value value, Map<Integer, String> temps) {
    return isBodyTemp(value) ? temps.get(((Value.Temp) value).index()) : broadcasts.get(value);
  }

  private boolean isBodyTemp(Value value) {
    return value instanceof Value.Temp temp && bodyTemps.containsKey(temp.index());
  }

  private void declare(CodeBlock.Builder code, String name, CodeBlock value) {
    writer.statement(code, "DoubleVector " + name + " = ", "$L", value);
  }
}
