package org.symgrad.cli;

/** A bad option or argument the parser could not catch; exit code 2, message as is. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
