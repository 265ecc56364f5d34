package org.symgrad.compiler.lower;

/**
 * One method per {@link Instr} type, each giving a result: the exhaustive dispatch every pass
 * over the IR uses instead of {@code instanceof} chains. A new instruction is a new method
 * here, so no pass and no emitter compiles until it says what to do with it.
 *
 * @param <R> what each method gives
 */
public interface InstrFunction<R> {
  R on(Instr.LoadParam instr);

  R on(Instr.LoadColumn instr);

  R on(Instr.LoadRowCount instr);

  R on(Instr.LoadSum instr);

  R on(Instr.Compute instr);

  R on(Instr.Accumulate instr);

  R on(Instr.StoreGradient instr);

  R on(Instr.StoreSum instr);

  R on(Instr.StoreOutput instr);

  R on(Instr.Call instr);

  R on(Instr.Spill instr);

  R on(Instr.Reload instr);

  R on(Instr.Return instr);

  R on(Instr.Loop instr);

  R on(Instr.LoadParamAt instr);

  R on(Instr.LoadColumnAt instr);

  R on(Instr.LoadSumAt instr);

  R on(Instr.AccumulateAt instr);

  R on(Instr.StoreGradientAt instr);

  R on(Instr.StoreSumAt instr);

  R on(Instr.RowLoop instr);

  R on(Instr.SetSumAt instr);

  R on(Instr.LoadRowSlot instr);

  R on(Instr.StoreRowSlot instr);

  R on(Instr.AccumulateRowSlot instr);
}
