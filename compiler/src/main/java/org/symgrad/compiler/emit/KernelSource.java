package org.symgrad.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Layout;
import org.symgrad.compiler.lower.LengthCheck;
import org.symgrad.runtime.Kernels;
import org.symgrad.runtime.ModelInfo;

/**
 * Writes one {@link Kernel} as the Java methods {@link KernelWriter} writes as bytecode: the
 * kernel's own method and, for a split kernel, its helpers, with the same statements in the
 * same order, so javac emits the same floating-point operations. {@link StatementWriter}
 * writes the statements.
 *
 * <p>It prints the layout {@link Kernel#lines()} decides: one statement a line, and the
 * comments and braces that layout counts, so that the bytecode's line numbers, which come
 * from the same layout, point at these statements.
 */
final class KernelSource {
  private final Kernel kernel;
  private final Map<Accumulator, Integer> sumSlots = new HashMap<>();
  private final Map<Integer, String> columns = new TreeMap<>(); // column order, as KernelWriter
  private final List<MethodSpec> methods = new ArrayList<>();
  private final boolean vectorised;

  /** A vectorised kernel's row loop is {@link VectorLoopSource}'s. */
  KernelSource(Kernel kernel, ModelInfo info) {
    this.kernel = kernel;
    this.vectorised = kernel.vectorised();
    for (int i = 0; i < kernel.sums().size(); i++) { // lane 0 of each sum in scratch
      sumSlots.put(kernel.sums().get(i), Kernel.LANES * i);
    }
    methods.add(writeMain(info));
    for (Kernel.Helper helper : kernel.helpers()) {
      methods.add(writeHelper(helper));
    }
  }

  /** The method implementing the kernel, then its helpers. */
  List<MethodSpec> methods() {
    return methods;
  }

  // The names the layout fixes (the signature's, then the fixed locals') are taken first: a
  // model's names give way to them.
  private static StatementWriter.Names fixedNames(LocalNames names, Layout layout) {
    layout.names().forEach(names::fixed);
    return StatementWriter.Names.of(layout);
  }

  private MethodSpec writeMain(ModelInfo info) {
    LocalNames names = new LocalNames(kernel.temps());
    Layout layout = kernel.layout();
    StatementWriter.Names fixed = fixedNames(names, layout);
    // IR numbers are kept by LocalNames; then the arrays and sums; the model's names last, so
    // it is they that give way (a parameter called t3 becomes t3_).
    layout.columns().keySet()
        .forEach(c -> columns.put(c, names.allocate(columnName(info, c) + "Column")));
    Map<Accumulator, String> sums = new HashMap<>();
    if (!kernel.sumsInScratch()) {
      kernel.sums().forEach(sum -> sums.put(sum, names.allocate(sumName(sum))));
    }
    StatementWriter writer = new StatementWriter(kernel, fixed, names, columns, sums, sumSlots);
    List<Instr> all = new ArrayList<>(kernel.prologue());
    all.addAll(kernel.body());
    all.addAll(kernel.epilogue());
    writer.nameTemps(all);

    MethodSpec.Builder builder = MethodSignature.of(kernel).builder();
    CodeBlock.Builder code = CodeBlock.builder();
    if (!kernel.kind().chunked()) {
      writer.statement(code, "int " + fixed.rows() + " = ", "$L.size()", fixed.batch());
    }
    for (LengthCheck check : kernel.checks()) { // Kernels.checkParams(params, 2);
      String array = layout.argument(check.argument()).name();
      if (check.rule().range()) { // Kernels.checkRows(from, to, batch);
        writer.statement(code, "", "$T.$L($L, $L, $L)", Kernels.class, check.rule().method(),
            layout.from().name(), fixed.rows(), array);
      } else if (check.rule().perRow()) {
        writer.statement(code, "", "$T.$L($L, $L, $L)", Kernels.class, check.rule().method(),
            array, fixed.rows(), check.count());
      } else {
        writer.statement(code, "", "$T.$L($L, $L)", Kernels.class, check.rule().method(), array,
            check.count());
      }
    }
    if (kernel.sumsInScratch()) {
      writer.statement(code, "double[] " + fixed.scratch() + " = ", "$L.get()",
          BytecodeEmitter.SCRATCH_FIELD);
    }
    columns.forEach((column, name) -> writer.statement(code, "double[] " + name + " = ",
        "$L.column($L)", fixed.batch(), column));
    kernel.prologue().forEach(instr -> writer.instruction(code, instr));
    if (kernel.sumsInScratch()) {
      if (!kernel.sums().isEmpty()) {
        code.add("// the sums s0 to s$L, lane k of sum i in $L[8 * i + k], each commented "
            + "where added to\n", kernel.sums().size() - 1, fixed.scratch());
        code.addStatement("$T.fill($L, 0, $L, 0.0)", java.util.Arrays.class, fixed.scratch(),
            Kernel.LANES * kernel.sums().size());
      }
    } else {
      for (Accumulator sum : kernel.sums()) {
        code.add("// $L = $L\n", StatementWriter.sumTitle(sum),
            StatementWriter.oneLine(sum.derivative()));
        writer.statement(code, "double " + sums.get(sum) + " = ", "0.0");
      }
    }
    if (vectorised) {
      new VectorLoopSource(kernel, writer, names, fixed, columns, sums).write(code);
    } else if (kernel.isBlocked()) {
      writeBlockLoop(code, writer, fixed);
    } else if (kernel.unrollsLanes()) {
      writeLaneLoop(code, writer, names, fixed, sums);
    } else if (kernel.kind() != Kernel.Kind.FINISH && !vectorised) {
      String start = fixed.from() != null ? fixed.from() : "0";
      code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", fixed.row(), start, fixed.row(),
          fixed.rows(), fixed.row());
      writer.setLane(code);
      writer.inRowLoop(true);
      kernel.body().forEach(instr -> writer.instruction(code, instr));
      writer.inRowLoop(false);
      code.endControlFlow();
    }
    kernel.epilogue().forEach(instr -> writer.instruction(code, instr));
    return builder.addCode(code.build()).build();
  }

  // Each sum in 8 locals, lane k taking row from + 8g + k of each whole group of 8 rows; the
  // last rows in lane 0; then the lanes added in a fixed tree: Kernel's order of a row sum. A
  // short pass has no groups, and its sum is lane 0.
  private void writeLaneLoop(CodeBlock.Builder code, StatementWriter writer, LocalNames names,
      StatementWriter.Names fixed, Map<Accumulator, String> sums) {
    int lanes = Kernel.LANES;
    List<Map<Accumulator, String>> laneSums = new ArrayList<>();
    laneSums.add(sums);
    for (int lane = 1; lane < lanes; lane++) {
      laneSums.add(new HashMap<>());
    }
    for (Accumulator sum : kernel.sums()) {
      for (int lane = 1; lane < lanes; lane++) {
        String name = names.allocate(sums.get(sum) + lane);
        laneSums.get(lane).put(sum, name);
        writer.statement(code, "double " + name + " = ", "0.0");
      }
    }
    String row = fixed.row();
    String rows = fixed.rows();
    String start = fixed.from() != null ? fixed.from() : "0";
    String passRows = fixed.from() != null ? rows + " - " + start : rows;
    String groupsEnd = names.allocate("groupsEnd");
    code.add("// A pass of fewer than $L rows adds its rows in order into lane 0, which is the "
        + "sum; a\n// longer one adds row $L8g + k of each whole group of $L rows to lane k, "
        + "the rows after\n// the last group to lane 0, then the lanes in a fixed tree: the "
        + "order every backend adds\n// rows in.\n", Kernel.SHORT,
        fixed.from() != null ? start + " + " : "", lanes);
    writer.statement(code, "int " + groupsEnd + " = ", "$L < $L ? $L : $L - $L % $L",
        passRows, Kernel.SHORT, start, rows,
        fixed.from() != null ? "(" + passRows + ")" : rows, lanes);
    code.beginControlFlow("for (int $L = $L; $L < $L; $L += $L)", row, start, row, groupsEnd,
        row, lanes);
    writer.inRowLoop(true);
    for (int lane = 0; lane < lanes; lane++) {
      code.add("// lane $L\n{\n", lane).indent();
      writer.lane(lane, laneSums.get(lane));
      kernel.body().forEach(instr -> writer.instruction(code, instr));
      code.unindent().add("}\n");
    }
    writer.lane(0, null);
    writer.inRowLoop(false);
    code.endControlFlow();
    code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", row, groupsEnd, row, rows, row);
    writer.inRowLoop(true);
    kernel.body().forEach(instr -> writer.instruction(code, instr));
    writer.inRowLoop(false);
    code.endControlFlow();
    code.beginControlFlow("if ($L > $L)", groupsEnd, start);
    for (Accumulator sum : kernel.sums()) {
      String[] l = new String[lanes];
      for (int k = 0; k < lanes; k++) {
        l[k] = laneSums.get(k).get(sum);
      }
      // Always on two lines, as the layout counts it.
      writer.statement(code, l[0] + " = ", "(($L + $L) + ($L + $L))\n+ (($L + $L) + ($L + $L))",
          l[0], l[4], l[1], l[5], l[2], l[6], l[3], l[7]);
    }
    code.endControlFlow();
  }

  // for (int block = 0; block < rows; block += blockRows) { int blockEnd = …; body }
  private void writeBlockLoop(CodeBlock.Builder code, StatementWriter writer,
      StatementWriter.Names fixed) {
    String start = fixed.from() != null ? fixed.from() : "0";
    code.add("// $L rows at a time, each column read along the block\n", kernel.blockRows());
    code.beginControlFlow("for (int $L = $L; $L < $L; $L += $L)", fixed.block(), start,
        fixed.block(), fixed.rows(), fixed.block(), kernel.blockRows());
    code.addStatement("int $L = $T.min($L + $L, $L)", fixed.blockEnd(), Math.class,
        fixed.block(), kernel.blockRows(), fixed.rows());
    writer.inRowLoop(true);
    kernel.body().forEach(instr -> writer.instruction(code, instr));
    writer.inRowLoop(false);
    code.endControlFlow();
  }

  private MethodSpec writeHelper(Kernel.Helper helper) {
    LocalNames names = new LocalNames(kernel.temps());
    StatementWriter.Names fixed = fixedNames(names, kernel.helperLayout());
    StatementWriter writer = new StatementWriter(kernel, fixed, names, Map.of(), Map.of(),
        sumSlots);
    writer.nameTemps(helper.code());
    writer.inRowLoop(true);
    MethodSpec.Builder builder = MethodSignature.helper(kernel, helper.index()).builder();
    CodeBlock.Builder code = CodeBlock.builder();
    helper.code().forEach(instr -> writer.instruction(code, instr));
    return builder.addCode(code.build()).build();
  }

  private static String columnName(ModelInfo info, int column) {
    List<String> inputs = info.inputColumns();
    return column < inputs.size() ? inputs.get(column) : info.target();
  }

  // Lowering numbers the loss sum 0 and the gradient sums from 1.
  private static String sumName(Accumulator sum) {
    return sum.index() == 0 ? sum.label() + "Sum" : "dLoss_d" + sum.label() + "Sum";
  }
}
