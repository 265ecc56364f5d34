package org.symgrad.compiler.lower;

/**
 * A running sum over the rows of a batch, the one kind of variable the IR assigns more than
 * once. {@code label} names what it sums ({@code loss}, {@code w}); {@code derivative} is the
 * simplified symbolic expression it sums, for the generated code's comments.
 */
public record Accumulator(int index, String label, String derivative) {
  @Override
  public String toString() {
    return "s" + index;
  }
}
