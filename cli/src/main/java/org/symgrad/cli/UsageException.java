package org.symgrad.cli;

/**
 * A bad option or argument the parser could not catch; exit code 2. The message is one line,
 * shown as {@link org.symgrad.io.Quote#line} shows it, so a path or a value it names cannot
 * split it or reorder it.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(org.symgrad.io.Quote.line(message), null, false, false);
  }
}
