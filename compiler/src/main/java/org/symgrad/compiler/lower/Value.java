package org.symgrad.compiler.lower;

import java.util.Objects;
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

    // Written out, as a record's would be: a record's own are linked through method handles
    // on first use, classes spun at every start (see Graph's Key).
    @Override
    public boolean equals(Object o) {
      return o instanceof Temp t && index == t.index && Objects.equals(label, t.label);
    }

    @Override
    public int hashCode() {
      return Integer.hashCode(index) * 31 + Objects.hashCode(label);
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
