package org.symgrad.compiler.lower;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * What one instruction defines, reads and holds, for {@link Instr#defined}, {@link
 * Instr#operands} and {@link Instr#nested}.
 */
final class Operands implements InstrVisitor {
  private @Nullable Temp defined;
  private List<Value> reads = List.of();
  private List<Instr> nested = List.of();

  private Operands() {}

  static @Nullable Temp defined(Instr instr) {
    Operands operands = new Operands();
    instr.accept(operands);
    return operands.defined;
  }

  static List<Value> of(Instr instr) {
    Operands operands = new Operands();
    instr.accept(operands);
    return operands.reads;
  }

  static List<Instr> nested(Instr instr) {
    Operands operands = new Operands();
    instr.accept(operands);
    return operands.nested;
  }

  private void defines(Temp to) {
    defined = to;
  }

  private void reads(Value value) {
    reads = List.of(value);
  }

  @Override
  public void visit(Instr.LoadParam instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.LoadColumn instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.LoadRowCount instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.LoadSum instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.Compute instr) {
    defines(instr.to());
    reads = instr.args();
  }

  @Override
  public void visit(Instr.Accumulate instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.StoreGradient instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.StoreSum instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.StoreOutput instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.Call instr) {}

  @Override
  public void visit(Instr.Spill instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.Reload instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.Return instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.Loop instr) {
    defined = instr.to();
    reads = List.copyOf(instr.reads());
    nested = instr.body();
  }

  @Override
  public void visit(Instr.LoadParamAt instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.LoadColumnAt instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.LoadSumAt instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.AccumulateAt instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.StoreGradientAt instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.StoreSumAt instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.RowLoop instr) {
    reads = List.copyOf(instr.reads()); // its result is defined before it
    nested = instr.body();
  }

  @Override
  public void visit(Instr.SetSumAt instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.LoadRowSlot instr) {
    defines(instr.to());
  }

  @Override
  public void visit(Instr.StoreRowSlot instr) {
    reads(instr.value());
  }

  @Override
  public void visit(Instr.AccumulateRowSlot instr) {
    reads(instr.value());
  }
}
