package org.symgrad.compiler.lower;

/**
 * One method per {@link Instr} type, giving nothing: what the printers of the IR implement,
 * an {@link InstrFunction} whose {@code on} methods call {@code visit}. A new instruction is a
 * new method here, so no emitter compiles until it prints it (ASM's {@code MethodVisitor} is
 * the model).
 */
public interface InstrVisitor extends InstrFunction<Void> {
  void visit(Instr.LoadParam instr);

  @Override
  default Void on(Instr.LoadParam instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.LoadColumn instr);

  @Override
  default Void on(Instr.LoadColumn instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.LoadRowCount instr);

  @Override
  default Void on(Instr.LoadRowCount instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.LoadSum instr);

  @Override
  default Void on(Instr.LoadSum instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.Compute instr);

  @Override
  default Void on(Instr.Compute instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.Accumulate instr);

  @Override
  default Void on(Instr.Accumulate instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.StoreGradient instr);

  @Override
  default Void on(Instr.StoreGradient instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.StoreSum instr);

  @Override
  default Void on(Instr.StoreSum instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.StoreOutput instr);

  @Override
  default Void on(Instr.StoreOutput instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.Call instr);

  @Override
  default Void on(Instr.Call instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.Spill instr);

  @Override
  default Void on(Instr.Spill instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.Reload instr);

  @Override
  default Void on(Instr.Reload instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.Return instr);

  @Override
  default Void on(Instr.Return instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.Loop instr);

  @Override
  default Void on(Instr.Loop instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.LoadParamAt instr);

  @Override
  default Void on(Instr.LoadParamAt instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.LoadColumnAt instr);

  @Override
  default Void on(Instr.LoadColumnAt instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.LoadSumAt instr);

  @Override
  default Void on(Instr.LoadSumAt instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.AccumulateAt instr);

  @Override
  default Void on(Instr.AccumulateAt instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.StoreGradientAt instr);

  @Override
  default Void on(Instr.StoreGradientAt instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.StoreSumAt instr);

  @Override
  default Void on(Instr.StoreSumAt instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.RowLoop instr);

  @Override
  default Void on(Instr.RowLoop instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.SetSumAt instr);

  @Override
  default Void on(Instr.SetSumAt instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.LoadRowSlot instr);

  @Override
  default Void on(Instr.LoadRowSlot instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.StoreRowSlot instr);

  @Override
  default Void on(Instr.StoreRowSlot instr) {
    visit(instr);
    return null;
  }

  void visit(Instr.AccumulateRowSlot instr);

  @Override
  default Void on(Instr.AccumulateRowSlot instr) {
    visit(instr);
    return null;
  }
}
