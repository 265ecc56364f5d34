package org.symgrad.compiler.lower;

import org.jspecify.annotations.Nullable;

/** An operand of the kernel IR: a temporary or a literal number. */
public sealed interface Value permits Value.Temp, Value.Literal {

  /**
   * A temporary, assigned once. {@code label} is the model's own name for the value ({@code
   * w}, {@code t_un}, {@code pred}) where it has one, or null.
   */
  record Temp(int index, @Nullable String label) implements Value {
    @Override
    public String toString() {
      return "t" + index;
    }
  }

  /** A number written into the code. */
  record Literal(double value) implements Value {
    @Override
    public String toString() {
      return org.symgrad.compiler.graph.ExpressionPrinter.number(value);
    }
  }
}
