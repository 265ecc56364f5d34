package org.symgrad.compiler.lower;

/**
 * One argument of a kernel's method, in the order of its signature ({@link
 * Kernel.Kind#arguments()}): what it holds for the code, its Java name and its type. Both
 * emitters lay a method out from this: the bytecode's argument slots are the positions here
 * (after {@code this}), the source's parameters these names.
 *
 * @param role what the kernel's instructions use it for
 * @param name its name in generated source; a model's names give way to it
 * @param type its JVM type
 */
public record Argument(Role role, String name, Type type) {
  /** What a kernel uses an argument for. */
  public enum Role {
    /** The parameters, {@code double[]}. */
    PARAMS,
    /**
     * The columns, a {@code Batch}; {@code finish} has its sums array here, which it reads as
     * the others read columns.
     */
    BATCH,
    /** The array written: {@code out}, {@code grad} or {@code sums}. */
    OUTPUT,
    /** The first row of a {@code sums} chunk. */
    FROM,
    /** The row count (or the end row of a chunk), when the caller passes it. */
    ROWS
  }

  /** The JVM types arguments have. */
  public enum Type {
    DOUBLES("[D"),
    BATCH("Lorg/symgrad/runtime/Batch;"),
    INT("I");

    private final String descriptor;

    Type(String descriptor) {
      this.descriptor = descriptor;
    }

    /** Its JVM descriptor: {@code [D}, {@code I}. */
    public String descriptor() {
      return descriptor;
    }
  }
}
