package org.symgrad.compiler.lower;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Value.Temp;

/** One straight-line instruction of the kernel IR. {@code toString()} is its listing line. */
public sealed interface Instr {

  /** What {@code function}'s method for this instruction's type gives. */
  <R> R apply(InstrFunction<R> function);

  /** Hands this instruction to {@code visitor}'s method for its type. */
  default void accept(InstrVisitor visitor) {
    apply(visitor);
  }

  /** The temporary {@code instr} assigns, or null for stores, sums and returns. */
  static @Nullable Temp defined(Instr instr) {
    return Operands.defined(instr);
  }

  /** {@code to = params[index]}. */
  record LoadParam(Temp to, int index) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code to = column[row]}, inside the row loop. */
  record LoadColumn(Temp to, int column) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code to = (double) rows}. */
  record LoadRowCount(Temp to) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code to = sum}, after the row loop. */
  record LoadSum(Temp to, Accumulator sum) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code to = operation(args)}. */
  record Compute(Temp to, Operation operation, List<Value> args) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }

    public Compute {
      args = List.copyOf(args);
      if (args.size() != operation.arity()) {
        throw new IllegalArgumentException(operation + " takes " + operation.arity() + " args");
      }
    }

    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code sum += value}, inside the row loop. */
  record Accumulate(Accumulator sum, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code grad[index] = value}. */
  record StoreGradient(int index, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code sums[index] = value}, after the loop of a {@link Kernel.Kind#SUMS} kernel. */
  record StoreSum(int index, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code out[row * outputs + output] = value}, inside the row loop. */
  record StoreOutput(int output, int outputs, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /**
   * {@code helper(…)}: runs helper method {@code helper} of the kernel, which reads and writes
   * the same arrays, the row, and the scratch array.
   */
  record Call(int helper) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code scratch[slot] = value}: hands a value to a later helper or to the method itself. */
  record Spill(int slot, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code to = scratch[slot]}: takes a value an earlier helper computed. */
  record Reload(Temp to, int slot) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code return value}. */
  record Return(Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /**
   * A counted loop, {@code for (int j = 0; j < count; j++) body}, standing for {@code count}
   * copies of the same instructions that differed only in the indices the {@code …At}
   * instructions of its body compute from {@code j} (see {@link Reroller}). Its body reads
   * temporaries defined before it and its own, which it defines afresh on every pass.
   *
   * <p>With {@code to}, the loop is a sum: {@code to = -0.0} before it, {@code to = to + added}
   * at the end of every pass, which adds the terms in the order the unrolled chain {@code ((a0
   * + a1) + a2) + …} did; {@code -0.0 + a} is {@code a} for every double, so starting there
   * changes no bit.
   */
  record Loop(@Nullable Temp to, int count, List<Instr> body, @Nullable Value added)
      implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }

    public Loop {
      body = List.copyOf(body);
      if ((to == null) != (added == null)) {
        throw new IllegalArgumentException("a sum loop has both a result and a term");
      }
      if (count < 1) {
        throw new IllegalArgumentException("a loop runs at least once: " + count);
      }
    }

    /** The temporaries defined before the loop that its body reads, in order, once each. */
    public List<Temp> reads() {
      java.util.Set<Integer> own = new java.util.HashSet<>();
      java.util.Map<Integer, Temp> outer = new java.util.LinkedHashMap<>();
      for (Instr instr : body) {
        for (Value value : Instr.operands(instr)) {
          if (value instanceof Temp t && !own.contains(t.index())) {
            outer.putIfAbsent(t.index(), t);
          }
        }
        Temp defined = Instr.defined(instr);
        if (defined != null) {
          own.add(defined.index());
        }
      }
      if (added instanceof Temp t && !own.contains(t.index())) {
        outer.putIfAbsent(t.index(), t);
      }
      return List.copyOf(outer.values());
    }

    @Override public String toString() { return InstrListing.of(this); }
  }

  /** The index {@code first + stride * j} of an instruction inside a {@link Loop}. */
  record Index(int first, int stride) {
    public int at(int j) {
      return first + stride * j;
    }

    @Override
    public String toString() {
      return (stride == 1 ? "j" : stride + "j") + (first == 0 ? "" : "+" + first);
    }
  }

  /** {@code to = params[index]}, in a loop. */
  record LoadParamAt(Temp to, Index index) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code to = column(index)[row]}, in a loop inside the row loop. */
  record LoadColumnAt(Temp to, Index column) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /**
   * {@code to} = the sum {@code stride * j} places after {@code first} in the kernel's sums (and
   * in {@link Accumulator#index()}: the {@link Reroller} makes sure both progress alike).
   */
  record LoadSumAt(Temp to, Accumulator first, int stride) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code sum += value} for the sum {@code stride * j} places after {@code first}. */
  record AccumulateAt(Accumulator first, int stride, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code grad[index] = value}, in a loop. */
  record StoreGradientAt(Index index, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code sums[index] = value}, in a loop. */
  record StoreSumAt(Index index, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /**
   * {@code for (row = block; row < blockEnd; row++) body}: the rows of the current block, in a
   * kernel whose row loop runs block by block ({@link Kernel#blockRows()}, {@link
   * Interchanger}). Its body reads temporaries defined before it and defines its own afresh on
   * every pass, as a {@link Loop}'s does.
   *
   * <p>With {@code to}, a temporary defined before it, the loop adds to it along the rows:
   * {@code to = to + added} at the end of every pass.
   */
  record RowLoop(@Nullable Temp to, List<Instr> body, @Nullable Value added) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }

    public RowLoop {
      body = List.copyOf(body);
      if ((to == null) != (added == null)) {
        throw new IllegalArgumentException("a sum over rows has both a result and a term");
      }
    }

    /** A row loop that carries nothing. */
    public RowLoop(List<Instr> body) {
      this(null, body, null);
    }

    /** Whether the loop adds to sums, so that each of its rows needs its lane. */
    public boolean addsToSums() {
      return body.stream().anyMatch(instr -> InstrType.of(instr) == InstrType.ACCUMULATE
          || InstrType.of(instr) == InstrType.ACCUMULATE_AT);
    }

    /** The temporaries defined before the loop that it reads, in order, once each. */
    public List<Temp> reads() {
      List<Temp> reads = new java.util.ArrayList<>(new Loop(to, 1, body, added).reads());
      if (to != null && !reads.contains(to)) {
        reads.add(0, to);
      }
      return List.copyOf(reads);
    }

    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code sum = value} for the sum {@code stride * j} places after {@code first}. */
  record SetSumAt(Accumulator first, int stride, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code to = scratch[slot + row - block]}: this row's value of a per-row slot. */
  record LoadRowSlot(Temp to, int slot) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code scratch[slot + row - block] = value}. */
  record StoreRowSlot(int slot, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** {@code scratch[slot + row - block] += value}: one more term of this row's sum. */
  record AccumulateRowSlot(int slot, Value value) implements Instr {
    @Override public <R> R apply(InstrFunction<R> function) { return function.on(this); }
    @Override public String toString() { return InstrListing.of(this); }
  }

  /** The instructions a loop holds, run on each of its passes; none for the others. */
  static List<Instr> nested(Instr instr) {
    return Operands.nested(instr);
  }

  /**
   * The operands {@code instr} reads, in order, repeats included; a loop's are its {@link
   * Loop#reads()}.
   */
  static List<Value> operands(Instr instr) {
    return Operands.of(instr);
  }
}
