package org.symgrad.compiler.lower;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Value.Temp;

/** One straight-line instruction of the kernel IR. {@code toString()} is its listing line. */
public sealed interface Instr {

  /** The temporary {@code instr} assigns, or null for stores, sums and returns. */
  static @Nullable Temp defined(Instr instr) {
    if (instr instanceof LoadParam i) {
      return i.to();
    } else if (instr instanceof LoadColumn i) {
      return i.to();
    } else if (instr instanceof LoadRowCount i) {
      return i.to();
    } else if (instr instanceof LoadSum i) {
      return i.to();
    } else if (instr instanceof Compute i) {
      return i.to();
    } else if (instr instanceof Reload i) {
      return i.to();
    }
    return null;
  }

  /** {@code to = params[index]}. */
  record LoadParam(Temp to, int index) implements Instr {
    @Override
    public String toString() {
      return to + " = param " + index;
    }
  }

  /** {@code to = column[row]}, inside the row loop. */
  record LoadColumn(Temp to, int column) implements Instr {
    @Override
    public String toString() {
      return to + " = column " + column;
    }
  }

  /** {@code to = (double) rows}. */
  record LoadRowCount(Temp to) implements Instr {
    @Override
    public String toString() {
      return to + " = rows";
    }
  }

  /** {@code to = sum}, after the row loop. */
  record LoadSum(Temp to, Accumulator sum) implements Instr {
    @Override
    public String toString() {
      return to + " = " + sum;
    }
  }

  /** {@code to = operation(args)}. */
  record Compute(Temp to, Operation operation, List<Value> args) implements Instr {
    public Compute {
      args = List.copyOf(args);
      if (args.size() != operation.arity()) {
        throw new IllegalArgumentException(operation + " takes " + operation.arity() + " args");
      }
    }

    @Override
    public String toString() {
      return to + " = " + operation.mnemonic() + " "
          + args.stream().map(Value::toString).collect(Collectors.joining(" "));
    }
  }

  /** {@code sum += value}, inside the row loop. */
  record Accumulate(Accumulator sum, Value value) implements Instr {
    @Override
    public String toString() {
      return sum + " += " + value;
    }
  }

  /** {@code grad[index] = value}. */
  record StoreGradient(int index, Value value) implements Instr {
    @Override
    public String toString() {
      return "grad " + index + " = " + value;
    }
  }

  /** {@code sums[index] = value}, after the loop of a {@link Kernel.Kind#SUMS} kernel. */
  record StoreSum(int index, Value value) implements Instr {
    @Override
    public String toString() {
      return "sums " + index + " = " + value;
    }
  }

  /** {@code out[row * outputs + output] = value}, inside the row loop. */
  record StoreOutput(int output, int outputs, Value value) implements Instr {
    @Override
    public String toString() {
      return "out " + output + " = " + value;
    }
  }

  /**
   * {@code helper(…)}: runs helper method {@code helper} of the kernel, which reads and writes
   * the same arrays, the row, and the scratch array.
   */
  record Call(int helper) implements Instr {
    @Override
    public String toString() {
      return "call part " + helper;
    }
  }

  /** {@code scratch[slot] = value}: hands a value to a later helper or to the method itself. */
  record Spill(int slot, Value value) implements Instr {
    @Override
    public String toString() {
      return "scratch " + slot + " = " + value;
    }
  }

  /** {@code to = scratch[slot]}: takes a value an earlier helper computed. */
  record Reload(Temp to, int slot) implements Instr {
    @Override
    public String toString() {
      return to + " = scratch " + slot;
    }
  }

  /** {@code return value}. */
  record Return(Value value) implements Instr {
    @Override
    public String toString() {
      return "return " + value;
    }
  }
}
