package org.symgrad.compiler.lower;

/**
 * The type of an {@link Instr}, one constant per record, for the passes that ask which of a
 * few types an instruction is: a {@code switch} expression over it without {@code default}
 * fails to compile when a constant is added, as {@link InstrFunction} does when an instruction
 * is, so no such question can be left unanswered for a new one.
 */
public enum InstrType {
  LOAD_PARAM,
  LOAD_COLUMN,
  LOAD_ROW_COUNT,
  LOAD_SUM,
  COMPUTE,
  ACCUMULATE,
  STORE_GRADIENT,
  STORE_SUM,
  STORE_OUTPUT,
  CALL,
  SPILL,
  RELOAD,
  RETURN,
  LOOP,
  LOAD_PARAM_AT,
  LOAD_COLUMN_AT,
  LOAD_SUM_AT,
  ACCUMULATE_AT,
  STORE_GRADIENT_AT,
  STORE_SUM_AT,
  ROW_LOOP,
  SET_SUM_AT,
  LOAD_ROW_SLOT,
  STORE_ROW_SLOT,
  ACCUMULATE_ROW_SLOT;

  /**
   * Whether it loads a value that reads no temporary (a parameter, a column, the row count, a
   * sum): what {@link Splitter} gives each helper afresh and {@link Reroller} drops unread.
   */
  public boolean isLoad() {
    return switch (this) {
      case LOAD_PARAM, LOAD_COLUMN, LOAD_ROW_COUNT, LOAD_SUM -> true;
      case COMPUTE, ACCUMULATE, STORE_GRADIENT, STORE_SUM, STORE_OUTPUT, CALL, SPILL, RELOAD,
          RETURN, LOOP, LOAD_PARAM_AT, LOAD_COLUMN_AT, LOAD_SUM_AT, ACCUMULATE_AT,
          STORE_GRADIENT_AT, STORE_SUM_AT, ROW_LOOP, SET_SUM_AT, LOAD_ROW_SLOT, STORE_ROW_SLOT,
          ACCUMULATE_ROW_SLOT -> false;
    };
  }

  /** The type of {@code instr}. */
  public static InstrType of(Instr instr) {
    return instr.apply(OF);
  }

  private static final InstrFunction<InstrType> OF = new InstrFunction<>() {
    @Override
    public InstrType on(Instr.LoadParam instr) {
      return LOAD_PARAM;
    }

    @Override
    public InstrType on(Instr.LoadColumn instr) {
      return LOAD_COLUMN;
    }

    @Override
    public InstrType on(Instr.LoadRowCount instr) {
      return LOAD_ROW_COUNT;
    }

    @Override
    public InstrType on(Instr.LoadSum instr) {
      return LOAD_SUM;
    }

    @Override
    public InstrType on(Instr.Compute instr) {
      return COMPUTE;
    }

    @Override
    public InstrType on(Instr.Accumulate instr) {
      return ACCUMULATE;
    }

    @Override
    public InstrType on(Instr.StoreGradient instr) {
      return STORE_GRADIENT;
    }

    @Override
    public InstrType on(Instr.StoreSum instr) {
      return STORE_SUM;
    }

    @Override
    public InstrType on(Instr.StoreOutput instr) {
      return STORE_OUTPUT;
    }

    @Override
    public InstrType on(Instr.Call instr) {
      return CALL;
    }

    @Override
    public InstrType on(Instr.Spill instr) {
      return SPILL;
    }

    @Override
    public InstrType on(Instr.Reload instr) {
      return RELOAD;
    }

    @Override
    public InstrType on(Instr.Return instr) {
      return RETURN;
    }

    @Override
    public InstrType on(Instr.Loop instr) {
      return LOOP;
    }

    @Override
    public InstrType on(Instr.LoadParamAt instr) {
      return LOAD_PARAM_AT;
    }

    @Override
    public InstrType on(Instr.LoadColumnAt instr) {
      return LOAD_COLUMN_AT;
    }

    @Override
    public InstrType on(Instr.LoadSumAt instr) {
      return LOAD_SUM_AT;
    }

    @Override
    public InstrType on(Instr.AccumulateAt instr) {
      return ACCUMULATE_AT;
    }

    @Override
    public InstrType on(Instr.StoreGradientAt instr) {
      return STORE_GRADIENT_AT;
    }

    @Override
    public InstrType on(Instr.StoreSumAt instr) {
      return STORE_SUM_AT;
    }

    @Override
    public InstrType on(Instr.RowLoop instr) {
      return ROW_LOOP;
    }

    @Override
    public InstrType on(Instr.SetSumAt instr) {
      return SET_SUM_AT;
    }

    @Override
    public InstrType on(Instr.LoadRowSlot instr) {
      return LOAD_ROW_SLOT;
    }

    @Override
    public InstrType on(Instr.StoreRowSlot instr) {
      return STORE_ROW_SLOT;
    }

    @Override
    public InstrType on(Instr.AccumulateRowSlot instr) {
      return ACCUMULATE_ROW_SLOT;
    }
  };
}
