package org.symgrad.compiler.processor;

/**
 * The stable codes of the errors only the annotation processor reports; errors in the model
 * itself keep the parser's codes (SG1xx in an expression, SG2xx in a declaration).
 */
enum ProcessorCode {
  /** The annotation is incomplete or contradictory: no {@code model}, or source and inline. */
  INVALID_ANNOTATION("SG600"),
  /** A value that would not stay one line of a model file: a line break or a {@code '#'}. */
  NOT_ONE_LINE("SG601"),
  /** The {@code source} model file was not found or is not UTF-8. */
  MODEL_FILE("SG602"),
  /** A generated file could not be written (it exists already, or the disk refused). */
  WRITE_FAILED("SG603"),
  /** A bug of symgrad's own, caught before it could crash the compiler. */
  INTERNAL_ERROR("SG699");

  private final String id;

  ProcessorCode(String id) {
    this.id = id;
  }

  /** {@code SG} and three digits, as printed. */
  String id() {
    return id;
  }
}
