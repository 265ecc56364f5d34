package org.symgrad.compiler.lower;

import java.util.Objects;

/**
 * A running sum over the rows of a batch, the one kind of variable the IR assigns more than
 * once. {@code label} names what it sums ({@code loss}, {@code w}); {@code derivative} is the
 * simplified symbolic expression it sums, for the generated code's comments.
 *
 * <p>Its rows are added in the one order every backend follows (see {@link Kernel}): a short
 * pass in row order; a longer one in 8 interleaved lanes, the rows after the last whole group
 * of 8 in lane 0, the lanes added in a fixed tree. So it is one running sum only for a short
 * pass, whatever the emitted code looks like.
 */
public record Accumulator(int index, String label, String derivative) {
  @Override
  public String toString() {
    return "s" + index;
  }

  // Written out, as a record's would be: a record's own are linked through method handles on
  // first use, classes spun at every start (see Graph's Key).
  @Override
  public boolean equals(Object o) {
    return o instanceof Accumulator a && index == a.index && Objects.equals(label, a.label)
        && Objects.equals(derivative, a.derivative);
  }

  @Override
  public int hashCode() {
    return (Integer.hashCode(index) * 31 + Objects.hashCode(label)) * 31
        + Objects.hashCode(derivative);
  }
}
