package org.symgrad.compiler.parse;

/**
 * Thrown when an expression indexes a declaration whose line failed to read: that line's
 * error is reported already, and nothing about the stand-in's shape is known, so the
 * expression is dropped without a second error. {@link ModelReader} catches it.
 */
final class AbandonedExpression extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AbandonedExpression() {
    super("uses a declaration that failed", null, false, false);
  }
}
