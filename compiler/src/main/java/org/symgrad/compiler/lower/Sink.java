package org.symgrad.compiler.lower;

import org.jspecify.annotations.Nullable;

/**
 * A sink {@link Reroller} rolls into a loop: a sum's term, a gradient's or a sum's store, with
 * its place (the sum's index or the array's) and value.
 */
record Sink(Sink.Kind kind, int place, @Nullable Accumulator sum, Value value) {
  enum Kind { ACCUMULATE, STORE_GRADIENT, STORE_SUM }

  /** The sink {@code instr} is, or null when it is none of the three. */
  static @Nullable Sink of(Instr instr) {
    return switch (InstrType.of(instr)) {
      case ACCUMULATE -> {
        Instr.Accumulate a = (Instr.Accumulate) instr;
        yield new Sink(Kind.ACCUMULATE, a.sum().index(), a.sum(), a.value());
      }
      case STORE_GRADIENT -> {
        Instr.StoreGradient g = (Instr.StoreGradient) instr;
        yield new Sink(Kind.STORE_GRADIENT, g.index(), null, g.value());
      }
      case STORE_SUM -> {
        Instr.StoreSum s = (Instr.StoreSum) instr;
        yield new Sink(Kind.STORE_SUM, s.index(), null, s.value());
      }
      case LOAD_PARAM, LOAD_COLUMN, LOAD_ROW_COUNT, LOAD_SUM, COMPUTE, STORE_OUTPUT, CALL, SPILL,
          RELOAD, RETURN, LOOP, LOAD_PARAM_AT, LOAD_COLUMN_AT, LOAD_SUM_AT, ACCUMULATE_AT,
          STORE_GRADIENT_AT, STORE_SUM_AT, ROW_LOOP, SET_SUM_AT, LOAD_ROW_SLOT, STORE_ROW_SLOT,
          ACCUMULATE_ROW_SLOT -> null;
    };
  }

  static @Nullable Value valueOf(Instr instr) {
    Sink sink = of(instr);
    return sink == null ? null : sink.value();
  }

  static boolean sameKind(Instr a, Instr b) {
    Sink first = of(a);
    Sink other = of(b);
    return first != null && other != null && first.kind() == other.kind();
  }

  /** The loop's sink for a run whose first two instances are {@code first}, {@code second}. */
  static Instr indexed(Instr first, Instr second, Value value) {
    Sink s0 = of(first);
    int stride = of(second).place() - s0.place();
    Instr.Index index = new Instr.Index(s0.place(), stride);
    return switch (s0.kind()) {
      case ACCUMULATE -> new Instr.AccumulateAt(s0.sum(), stride, value);
      case STORE_GRADIENT -> new Instr.StoreGradientAt(index, value);
      case STORE_SUM -> new Instr.StoreSumAt(index, value);
    };
  }
}
