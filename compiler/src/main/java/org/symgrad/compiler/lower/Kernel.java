package org.symgrad.compiler.lower;

import java.util.List;

/**
 * One method of a compiled model as straight-line IR: a prologue run once (parameter loads and
 * everything that depends on parameters only, hoisted out of the loop), a body run for every
 * row, and an epilogue run after the loop.
 *
 * @param kind which method of {@code CompiledModel} this is
 * @param prologue before the row loop
 * @param body inside the row loop
 * @param epilogue after the row loop
 * @param sums the accumulators, each set to 0 before the loop
 * @param temps how many temporaries the kernel numbers ({@code t0} to {@code t(temps-1)})
 */
public record Kernel(
    Kind kind,
    List<Instr> prologue,
    List<Instr> body,
    List<Instr> epilogue,
    List<Accumulator> sums,
    int temps) {

  /** The methods of {@code CompiledModel} that kernels implement. */
  public enum Kind {
    PREDICT("predict"),
    LOSS("loss"),
    LOSS_AND_GRADIENT("lossAndGradient");

    private final String methodName;

    Kind(String methodName) {
      this.methodName = methodName;
    }

    public String methodName() {
      return methodName;
    }
  }

  public Kernel {
    prologue = List.copyOf(prologue);
    body = List.copyOf(body);
    epilogue = List.copyOf(epilogue);
    sums = List.copyOf(sums);
  }

  /** The listing: one instruction a line, sections marked. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.methodName()).append(":\n");
    prologue.forEach(i -> text.append("  ").append(i).append('\n'));
    text.append("  for each row:\n");
    body.forEach(i -> text.append("    ").append(i).append('\n'));
    epilogue.forEach(i -> text.append("  ").append(i).append('\n'));
    return text.toString();
  }
}
