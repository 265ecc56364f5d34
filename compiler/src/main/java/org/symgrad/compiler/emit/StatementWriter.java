package org.symgrad.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.InstrVisitor;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Layout;
import org.symgrad.compiler.lower.Operation;
import org.symgrad.compiler.lower.Value;
import org.symgrad.runtime.Functions;
import org.symgrad.runtime.SumLanes;

/**
 * Writes IR instructions as the Java statements of one generated method, one statement an
 * instruction, which {@link InstructionWriter} writes as the same bytecode operations. It
 * names the method's locals: temporaries keep their IR numbers ({@code t7}) unless the model
 * names them ({@code w}, {@code t_un}, {@code pred}, {@code h_3}).
 *
 * <p>It prints each statement on one line, and the comments and braces {@link
 * Kernel#lines()} counts, so that the statements stand where that layout says.
 */
final class StatementWriter implements InstrVisitor {
  private static final ClassName MATH = ClassName.get(Math.class);
  private static final ClassName FUNCTIONS = ClassName.get(Functions.class);
  private static final ClassName SUM_LANES = ClassName.get(SumLanes.class);

  /**
   * The names of a method's arguments and fixed locals, as its {@link Layout} gives them; null
   * for what it lacks.
   */
  record Names(String params, String batch, String array, String rows, String row,
      String lane, String scratch, String from, String block, String blockEnd) {
    static Names of(Layout layout) {
      return new Names(layout.params().name(), layout.batch().name(), layout.array().name(),
          layout.rows().name(), layout.row().name(), layout.lane().name(),
          layout.scratch().name(),
          layout.from().name(), layout.block().name(), layout.blockEnd().name());
    }
  }

  private final Kernel kernel;
  private final Names fixed;
  private final LocalNames names;
  private final Map<Integer, String> columns;
  private final Map<Accumulator, String> sums;
  private final Map<Accumulator, Integer> sumSlots;
  private final Map<Integer, String> temps = new HashMap<>();
  private CodeBlock.Builder code; // where visit() writes: the block instruction() was given
  private boolean inRowLoop;
  private int rowOffset;
  private Map<Accumulator, String> laneSums; // null: each sum's own local
  private int loopDepth;
  private String loopIndex; // the name of the loops' j, once the method has a loop

  /**
   * @param names the method's names, with its fixed ones taken already
   * @param columns the local array of each column the method reads through one
   * @param sums the local of each sum kept in a local; the others are in scratch
   */
  StatementWriter(Kernel kernel, Names fixed, LocalNames names, Map<Integer, String> columns,
      Map<Accumulator, String> sums, Map<Accumulator, Integer> sumSlots) {
    this.kernel = kernel;
    this.fixed = fixed;
    this.names = names;
    this.columns = columns;
    this.sums = sums;
    this.sumSlots = sumSlots;
  }

  /** Names the temporaries {@code code} defines: IR numbers first, then the model's labels. */
  void nameTemps(List<Instr> code) {
    List<Value.Temp> defined = new ArrayList<>();
    List<Instr> all = new ArrayList<>(code);
    for (int i = 0; i < all.size(); i++) {
      Instr instr = all.get(i);
      all.addAll(Instr.nested(instr)); // a loop's temporaries are the method's too
      Value.Temp to = Instr.defined(instr);
      if (to != null && !temps.containsKey(to.index())) {
        temps.put(to.index(), to.label() == null ? names.temp(to.index()) : null);
        defined.add(to);
      }
    }
    defined.stream().filter(t -> t.label() != null)
        .forEach(t -> temps.put(t.index(), names.allocate(t.label())));
  }

  /** Whether {@code row} holds a row: in the main method's loop, and in every helper. */
  void inRowLoop(boolean inside) {
    inRowLoop = inside;
  }

  /**
   * Writes the body for one lane of a {@linkplain Kernel#unrollsLanes() lane loop}: columns read
   * at {@code row + offset}, each sum added to its local in {@code sums}; {@code (0, null)}
   * for the plain body.
   */
  void lane(int offset, Map<Accumulator, String> sums) {
    rowOffset = offset;
    laneSums = sums;
  }

  // row, or row + k in lane k of a lane loop
  private String rowIndex() {
    return rowOffset == 0 ? fixed.row() : fixed.row() + " + " + rowOffset;
  }

  /** One statement, {@code prefix} ({@code double t3 = }, {@code lossSum += }) + {@code format}. */
  void statement(CodeBlock.Builder code, String prefix, String format, Object... args) {
    code.addStatement(CodeBlock.builder().add("$L", prefix).add(format, args).build());
  }

  void instruction(CodeBlock.Builder code, Instr instr) {
    CodeBlock.Builder outer = this.code;
    this.code = code;
    instr.accept(this);
    this.code = outer;
  }

  @Override
  public void visit(Instr.LoadParam load) {
    define(code, load.to(), CodeBlock.of("$L[$L]", fixed.params(), load.index()));
  }

  @Override
  public void visit(Instr.LoadColumn load) {
    String column = columns.get(load.column());
    define(code, load.to(), column != null
        ? CodeBlock.of("$L[$L]", column, rowIndex())
        : CodeBlock.of("$L.column($L)[$L]", fixed.batch(), load.column(), rowIndex()));
  }

  @Override
  public void visit(Instr.LoadRowCount load) {
    define(code, load.to(), CodeBlock.of("(double) $L", fixed.rows()));
  }

  @Override
  public void visit(Instr.LoadSum load) {
    String local = sums.get(load.sum());
    define(code, load.to(), kernel.kind() == Kernel.Kind.FINISH
        ? CodeBlock.of("$L[$L]", fixed.batch(), load.sum().index())
        : local != null ? CodeBlock.of("$L", local)
        : CodeBlock.of("$T.total($L, $L)", SUM_LANES, fixed.scratch(), sumSlots.get(load.sum())));
  }

  @Override
  public void visit(Instr.Compute compute) {
    define(code, compute.to(), expression(compute.operation(), compute.args()));
  }

  @Override
  public void visit(Instr.Accumulate accumulate) {
    // sum += v is sum = sum + v: the same dadd, in the same operand order.
    String local = (laneSums != null ? laneSums : sums).get(accumulate.sum());
    if (local == null) { // split: the sum's comment stands at its one accumulation
      Accumulator sum = accumulate.sum();
      code.add("// $L = $L\n", sumTitle(sum), oneLine(sum.derivative()));
    }
    statement(code, (local != null ? local
            : fixed.scratch() + "[" + laneSlot(sumSlots.get(accumulate.sum())) + "]") + " += ",
        "$L", operand(accumulate.value()));
  }

  @Override
  public void visit(Instr.StoreGradient store) {
    storeInArray(code, String.valueOf(store.index()), store.value());
  }

  @Override
  public void visit(Instr.StoreSum store) {
    storeInArray(code, String.valueOf(store.index()), store.value());
  }

  @Override
  public void visit(Instr.StoreOutput store) {
    String index = store.outputs() == 1 ? fixed.row() : fixed.row() + " * " + store.outputs()
        + (store.output() == 0 ? "" : " + " + store.output());
    statement(code, fixed.array() + "[" + index + "] = ", "$L", operand(store.value()));
  }

  @Override
  public void visit(Instr.Spill spill) {
    statement(code, fixed.scratch() + "[" + spill.slot() + "] = ", "$L",
        operand(spill.value()));
  }

  @Override
  public void visit(Instr.Reload reload) {
    define(code, reload.to(), CodeBlock.of("$L[$L]", fixed.scratch(), reload.slot()));
  }

  @Override
  public void visit(Instr.Call call) {
    List<String> args = new ArrayList<>(List.of(fixed.params(), fixed.batch()));
    if (fixed.array() != null) {
      args.add(fixed.array());
    }
    args.addAll(List.of(fixed.rows(), inRowLoop ? fixed.row() : "0",
        inRowLoop && kernel.sumsRows() ? fixed.lane() : "0", fixed.scratch()));
    statement(code, kernel.helperName(call.helper()) + "(", "$L)", String.join(", ", args));
  }

  @Override
  public void visit(Instr.Return ret) {
    statement(code, "return ", "$L", operand(ret.value()));
  }

  @Override
  public void visit(Instr.Loop loop) {
    loop(code, loop);
  }

  @Override
  public void visit(Instr.RowLoop loop) {
    rowLoop(code, loop);
  }

  @Override
  public void visit(Instr.LoadRowSlot load) {
    define(code, load.to(), CodeBlock.of("$L[$L]", fixed.scratch(), rowSlot(load.slot())));
  }

  @Override
  public void visit(Instr.StoreRowSlot store) {
    statement(code, fixed.scratch() + "[" + rowSlot(store.slot()) + "] = ", "$L",
        operand(store.value()));
  }

  @Override
  public void visit(Instr.AccumulateRowSlot accumulate) {
    statement(code, fixed.scratch() + "[" + rowSlot(accumulate.slot()) + "] += ", "$L",
        operand(accumulate.value()));
  }

  @Override
  public void visit(Instr.LoadParamAt load) {
    define(code, load.to(), CodeBlock.of("$L[$L]", fixed.params(), index(load.index())));
  }

  @Override
  public void visit(Instr.LoadColumnAt load) {
    define(code, load.to(), CodeBlock.of("$L.column($L)[$L]", fixed.batch(),
        index(load.column()), rowIndex()));
  }

  @Override
  public void visit(Instr.LoadSumAt load) {
    define(code, load.to(), kernel.kind() == Kernel.Kind.FINISH
        ? CodeBlock.of("$L[$L]", fixed.batch(),
            index(new Instr.Index(load.first().index(), load.stride())))
        : CodeBlock.of("$T.total($L, $L)", SUM_LANES, fixed.scratch(),
            index(new Instr.Index(sumSlots.get(load.first()), Kernel.LANES * load.stride()))));
  }

  @Override
  public void visit(Instr.AccumulateAt accumulate) {
    sumsAt(accumulate.first(), accumulate.stride(), " += ", accumulate.value());
  }

  @Override
  public void visit(Instr.SetSumAt set) {
    sumsAt(set.first(), set.stride(), " = ", set.value());
  }

  // scratch[j * 8 * stride + 8 * i + lane] (+)= value, for the sums from 'first' on, one per
  // 'stride', with what they are as a comment
  private void sumsAt(Accumulator first, int stride, String assign, Value value) {
    code.add("// the sums from $L on, one per $L; the first: $L\n", sumTitle(first),
        loopIndex, oneLine(first.derivative()));
    statement(code, fixed.scratch() + "["
        + index(new Instr.Index(sumSlots.get(first), Kernel.LANES * stride)) + " + "
        + fixed.lane() + "]" + assign, "$L", operand(value));
  }

  @Override
  public void visit(Instr.StoreGradientAt store) {
    storeInArray(code, index(store.index()), store.value());
  }

  @Override
  public void visit(Instr.StoreSumAt store) {
    storeInArray(code, index(store.index()), store.value());
  }

  // [double t = -0.0;] for (int j = 0; j < count; j++) { body [t += added;] }: a sum starts at
  // -0.0, the one double that adding leaves every number as it is, so its first term's bits.
  private void loop(CodeBlock.Builder code, Instr.Loop loop) {
    if (loopIndex == null) {
      loopIndex = names.allocate("j");
    }
    String j = loopIndex;
    if (loop.to() != null) {
      code.add("// $L terms added in order, from -0.0, which keeps the first term's bits\n",
          loop.count());
      define(code, loop.to(), CodeBlock.of("-0.0"));
    }
    code.beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, loop.count(), j);
    loopDepth++;
    loop.body().forEach(inner -> instruction(code, inner));
    if (loop.to() != null) {
      statement(code, temps.get(loop.to().index()) + " += ", "$L", operand(loop.added()));
    }
    loopDepth--;
    code.endControlFlow();
  }

  // for (int row = block; row < blockEnd; row++) { body [t += added;] }
  private void rowLoop(CodeBlock.Builder code, Instr.RowLoop loop) {
    code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", fixed.row(), fixed.block(),
        fixed.row(), fixed.blockEnd(), fixed.row());
    loopDepth++;
    if (loop.addsToSums()) {
      setLane(code);
    }
    loop.body().forEach(inner -> instruction(code, inner));
    if (loop.to() != null) {
      statement(code, temps.get(loop.to().index()) + " += ", "$L", operand(loop.added()));
    }
    loopDepth--;
    code.endControlFlow();
  }

  /**
   * {@code int lane = SumLanes.lane(row, from or 0, rows);}: where a kernel with its sums in
   * scratch starts each row.
   */
  void setLane(CodeBlock.Builder code) {
    if (fixed.lane() == null || !kernel.sumsRows()) {
      return;
    }
    code.addStatement("int $L = $T.lane($L, $L, $L)", fixed.lane(), SUM_LANES, fixed.row(),
        fixed.from() != null ? fixed.from() : "0", fixed.rows());
  }

  // slot + lane, the element of a sum's lane in scratch; lane alone for the first sum
  private String laneSlot(int slot) {
    return slot == 0 ? fixed.lane() : slot + " + " + fixed.lane();
  }

  // This row's place in a per-row slot: row - block + slot, as the bytecode computes it.
  private String rowSlot(int slot) {
    return fixed.row() + " - " + fixed.block() + " + " + slot;
  }

  // first + stride * j as j * stride + first, the order the bytecode computes it in.
  // array[index] = value, into the kernel's output array (grad or sums)
  private void storeInArray(CodeBlock.Builder code, String index, Value value) {
    statement(code, fixed.array() + "[" + index + "] = ", "$L", operand(value));
  }

  private String index(Instr.Index index) {
    return loopIndex + (index.stride() == 1 ? "" : " * " + index.stride())
        + (index.first() == 0 ? "" : " + " + index.first());
  }

  /** {@code loss} or {@code dLoss/dw[3]}: what a sum adds up, for its comment. */
  static String sumTitle(Accumulator sum) {
    return sum.index() == 0 ? sum.label() : "dLoss/d" + sum.label();
  }

  static String oneLine(String text) {
    return text.replaceAll("\\R", " ");
  }

  private void define(CodeBlock.Builder code, Value.Temp to, CodeBlock value) {
    statement(code, "double " + temps.get(to.index()) + " = ", "$L", value);
  }

  private CodeBlock expression(Operation operation, List<Value> args) {
    if (operation == Operation.NEG) {
      return CodeBlock.of("-$L", guarded(args.get(0)));
    }
    if (!operation.isCall()) {
      return CodeBlock.of("$L $L $L", operand(args.get(0)), operation.symbol(),
          guarded(args.get(1)));
    }
    ClassName owner = "Math".equals(operation.owner()) ? MATH : FUNCTIONS;
    return CodeBlock.of("$T.$L($L)", owner, operation.method(),
        args.stream().map(this::operand).collect(java.util.stream.Collectors.joining(", ")));
  }

  String operand(Value value) {
    return value instanceof Value.Temp temp
        ? temps.get(temp.index())
        : JavaLiterals.of(((Value.Literal) value).value());
  }

  // A negative literal after an operator gets parentheses: t3 - (-2.5), and never --2.5.
  private String guarded(Value value) {
    String text = operand(value);
    return value instanceof Value.Literal && text.startsWith("-") ? "(" + text + ")" : text;
  }
}
