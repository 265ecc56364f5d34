package org.symgrad.compiler.diagnostic;

/** {@code docs/error-codes.md}, written from {@link ErrorCode}: the one source of the table. */
final class ErrorCodeTable {
  private ErrorCodeTable() {}

  static String markdown() {
    StringBuilder text = new StringBuilder("""
        # Error codes

        Every error symgrad reports carries a stable tag, printed in brackets:

        ```
        thermometer.sg:7:10: error [SG103] unknown function 'sinh2'
          model  sinh2(w * t_u) + b
                 ^^^^^
        ```

        A tag never changes meaning once released; the message after it may be reworded.
        SG1xx are errors in an expression, SG2xx in a model file's declarations, SG5xx a model
        too large for the JVM, SG6xx the annotation processor's own. Every error of an
        expression or a model file also names the file, line and column, with a caret under
        the culprit; a model file reports every bad line at once, in file order.

        This table is generated from the enum `org.symgrad.compiler.diagnostic.ErrorCode`;
        `ErrorCatalogueTest` fails when the two disagree (rerun it with
        `-Dsymgrad.writeDocs=true` to rewrite this file).

        | code | name | what |
        |---|---|---|
        """);
    for (ErrorCode code : ErrorCode.values()) {
      text.append("| ").append(code.id()).append(" | `").append(code.name()).append("` | ")
          .append(code.summary()).append(" |\n");
    }
    return text.toString();
  }
}
