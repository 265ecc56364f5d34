package org.symgrad.compiler.lower;

/**
 * One method per {@link Instr} type: what every printer of the IR implements. A new
 * instruction is a new method here, so no emitter compiles until it prints it (ASM's
 * {@code MethodVisitor} is the model).
 */
public interface InstrVisitor {
  void visit(Instr.LoadParam instr);

  void visit(Instr.LoadColumn instr);

  void visit(Instr.LoadRowCount instr);

  void visit(Instr.LoadSum instr);

  void visit(Instr.Compute instr);

  void visit(Instr.Accumulate instr);

  void visit(Instr.StoreGradient instr);

  void visit(Instr.StoreSum instr);

  void visit(Instr.StoreOutput instr);

  void visit(Instr.Call instr);

  void visit(Instr.Spill instr);

  void visit(Instr.Reload instr);

  void visit(Instr.Return instr);

  void visit(Instr.Loop instr);

  void visit(Instr.LoadParamAt instr);

  void visit(Instr.LoadColumnAt instr);

  void visit(Instr.LoadSumAt instr);

  void visit(Instr.AccumulateAt instr);

  void visit(Instr.StoreGradientAt instr);

  void visit(Instr.StoreSumAt instr);

  void visit(Instr.RowLoop instr);

  void visit(Instr.SetSumAt instr);

  void visit(Instr.LoadRowSlot instr);

  void visit(Instr.StoreRowSlot instr);

  void visit(Instr.AccumulateRowSlot instr);
}
