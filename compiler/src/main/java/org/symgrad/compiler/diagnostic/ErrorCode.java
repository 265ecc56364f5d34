package org.symgrad.compiler.diagnostic;

/**
 * Every error symgrad reports, with its stable tag and a one-line summary. SG1xx are errors in
 * an expression, SG2xx in a model file's declarations, SG5xx a model too large for the JVM,
 * SG6xx the annotation processor's own. A tag never changes meaning once released; messages
 * may be reworded. {@code docs/error-codes.md} is this list as a table, and a test keeps the
 * two equal.
 */
public enum ErrorCode {
  EMPTY_EXPRESSION("SG100", "nothing to parse: an empty expression"),
  UNEXPECTED_CHARACTER("SG101",
      "a character the grammar has no use for: `x @ y`, a NUL, a Unicode minus"),
  UNEXPECTED_TOKEN("SG102",
      "a token where an operand or an operator was expected: `x +* y`, `x +`"),
  UNKNOWN_FUNCTION("SG103", "a call of a function the grammar does not know: `foo(x)`"),
  WRONG_ARITY("SG104", "a call with the wrong number of arguments: `sin()`, `pow(x)`"),
  UNCLOSED_PARENTHESIS("SG105", "a '(' or '[' that is never closed: `2 * (x + 1`"),
  UNMATCHED_PARENTHESIS("SG106", "a ')' with no '(' to close: `x + 1)`"),
  MISSING_OPERATOR("SG107", "two operands side by side: `3x`, `x y`, `(a)(b)`"),
  NUMBER_OUT_OF_RANGE("SG108", "a number a double cannot hold: `1e999`, `1e-999`"),
  MALFORMED_NUMBER("SG109", "a number with a dangling or second point: `1.`, `1.2.3`"),
  FUNCTION_WITHOUT_CALL("SG110", "a function named without its argument list: `exp * x`"),
  NOT_SUPPORTED_YET("SG111",
      "syntax not supported there: indices or `sum` in a free expression, a vector target"),
  UNBOUND_INDEX("SG112", "an index that no sum and no line binds: `w[j]` outside `sum(j, …)`"),
  INDEX_COUNT("SG113",
      "an array indexed with the wrong number of indices, or a scalar indexed: `W[j]`"),
  VECTOR_AS_SCALAR("SG114", "an array where a number is needed: `w * x` for `param w[13]`"),
  RANGE_MISMATCH("SG115", "one index used for axes of different extents: `w[j] * x[j]`"),
  INDEX_BOUND_TWICE("SG116",
      "an index bound inside its own binding, or named like a declared name"),
  UNUSED_INDEX("SG117", "a bound index that nothing indexes, so its range is unknown"),
  INDEX_OUT_OF_RANGE("SG118", "a whole-number index past the end of its axis: `w[13]`"),
  BAD_INDEX("SG119", "something in brackets that is not an index: `w[j + 1]`, `w[0.5]`"),
  TOO_LARGE("SG120", "an expression that expands to more than 4 194 304 terms, params and"
      + " inputs of more than 16 777 216 elements, or more than 65 536 param elements read, in"
      + " one model; derivatives of one expression that print as more than 16 777 216"
      + " characters, or whose Hessian takes more than 4 194 304 steps (variables × gradient"
      + " nodes)"),
  INDEX_AS_VALUE("SG121", "an index used as a number: `j * w[j]`"),

  UNKNOWN_DECLARATION("SG200",
      "a line that does not start with a declaration keyword: `modle w * x`"),
  DUPLICATE_NAME("SG201", "a name declared twice in the same role: two `param w`"),
  CONFLICTING_ROLES("SG202",
      "a name declared twice in different roles: `input x` and `param x`"),
  DUPLICATE_DECLARATION("SG203",
      "a second `model`, `target`, `loss`, `penalty` or `data` line"),
  UNKNOWN_NAME("SG204", "a name that is not declared; the message lists the declared ones"),
  LET_BEFORE_DECLARATION("SG205", "a let used above its declaration, or in its own definition"),
  TARGET_IN_MODEL("SG206", "the target column used by the model or a let"),
  PENALTY_NOT_PARAMETERS("SG207",
      "the penalty using an input, the target, or a let that depends on them"),
  RESERVED_NAME("SG208", "a declaration of a reserved name: `pred`, `target`, a function name"),
  LOSS_NAME_OUTSIDE_LOSS("SG209", "`pred` or `target` outside a loss expression"),
  MISSING_DECLARATION("SG210", "a model file without `model`, `target` or any `param`"),
  INCOMPLETE_DECLARATION("SG211",
      "a keyword with nothing after it: `data`, `param`, `let x =`"),
  EXPECTED_NAME("SG212", "a declaration whose name is not a name: `input 3x`"),
  UNEXPECTED_AFTER_DECLARATION("SG213",
      "text after a complete declaration: `input a b`, `param w 1.0`"),
  BAD_INITIALIZER("SG214",
      "an initializer that is not a finite constant, `uniform(a, b)` or `normal(mean, std)`"),
  UNKNOWN_LOSS("SG215", "a loss that is neither a known one nor an expression: `loss mse2`"),
  BAD_LOSS_ARGUMENT("SG216", "a known loss with bad arguments: `huber`, `huber(0)`, `mse(1)`"),
  NAME_IN_LOSS("SG217", "a loss expression using a name other than `pred` and `target`"),
  LOSS_WITHOUT_PREDICTION("SG218", "a loss expression that does not use `pred`"),
  UNREADABLE_FILE("SG219", "a model file that cannot be read"),
  BAD_SHAPE("SG220", "an array declaration with a bad shape: `param w[0]`, `input X[2, 3]`,"
      + " more than 4 194 304 elements"),
  BAD_COLUMNS("SG221", "input columns that do not fit: `input x[2] = a`, a column declared twice"),
  LOSS_SHAPE("SG222",
      "a loss that does not fit the model's output: cross_entropy of a scalar, mse of a vector"),

  METHOD_TOO_LARGE("SG501",
      "a model too large for one JVM method (a bug: the lowering should have split it)"),
  CLASS_TOO_LARGE("SG502", "a model too large for one JVM class file's constant pool"),

  INVALID_ANNOTATION("SG600",
      "an incomplete or contradictory annotation: no `model`, or both source and inline"),
  NOT_ONE_LINE("SG601",
      "an annotation value that would not stay one line of a model file: a line break, `#`"),
  MODEL_FILE("SG602", "the annotation's `source` model file was not found or is not UTF-8"),
  WRITE_FAILED("SG603", "a generated file could not be written (it exists, or the disk refused)"),
  INTERNAL_ERROR("SG699", "a bug of symgrad's own, caught before it could crash the compiler");

  private final String id;
  private final String summary;

  ErrorCode(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** {@code SG} and three digits, as printed. */
  public String id() {
    return id;
  }

  /** What the code means, in one line; the message of each error says more. */
  public String summary() {
    return summary;
  }
}
