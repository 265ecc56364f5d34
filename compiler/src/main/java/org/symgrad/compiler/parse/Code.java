package org.symgrad.compiler.parse;

/**
 * The stable codes of the errors the parser reports. SG1xx are errors in an expression, SG2xx
 * errors in a model file. A code never changes meaning once released; messages may be
 * reworded.
 */
enum Code {
  /** Nothing to parse: {@code ""}. */
  EMPTY_EXPRESSION("SG100"),
  /** A character the grammar has no use for: {@code x @ y}, a NUL, a Unicode minus. */
  UNEXPECTED_CHARACTER("SG101"),
  /** A token where an operand or an operator was expected: {@code x +* y}, {@code x +}. */
  UNEXPECTED_TOKEN("SG102"),
  /** A call of a function the grammar does not know: {@code foo(x)}. */
  UNKNOWN_FUNCTION("SG103"),
  /** A call with the wrong number of arguments: {@code sin()}, {@code pow(x)}. */
  WRONG_ARITY("SG104"),
  /** A '(' that is never closed: {@code 2 * (x + 1}. */
  UNCLOSED_PARENTHESIS("SG105"),
  /** A ')' with no '(' to close: {@code x + 1)}. */
  UNMATCHED_PARENTHESIS("SG106"),
  /** Two operands side by side: {@code 3x}, {@code x y}, {@code (a)(b)}. */
  MISSING_OPERATOR("SG107"),
  /** A number a double cannot hold: {@code 1e999}, {@code 1e-999}. */
  NUMBER_OUT_OF_RANGE("SG108"),
  /** A number with a dangling or second point: {@code 1.}, {@code 1.2.3}. */
  MALFORMED_NUMBER("SG109"),
  /** A function named without its argument list: {@code exp * x}. */
  FUNCTION_WITHOUT_CALL("SG110"),
  /**
   * Vector syntax where there are no arrays: {@code w[j]} or {@code sum(j, …)} in a free
   * expression of {@code grad}, a vector target.
   */
  NOT_SUPPORTED_YET("SG111"),
  /** An index that no sum and no line binds: {@code w[j]} outside {@code sum(j, …)}. */
  UNBOUND_INDEX("SG112"),
  /** An array indexed with the wrong number of indices, or a scalar indexed: {@code W[j]}. */
  INDEX_COUNT("SG113"),
  /** An array where a number is needed: {@code w * x} for {@code param w[13]}. */
  VECTOR_AS_SCALAR("SG114"),
  /** One index used for axes of different extents: {@code w[j] * x[j]}, w[13] and x[4]. */
  RANGE_MISMATCH("SG115"),
  /** An index bound inside its own binding, or named like a declared name. */
  INDEX_BOUND_TWICE("SG116"),
  /** A bound index that nothing indexes, so its range is unknown: {@code sum(j, 1)}. */
  UNUSED_INDEX("SG117"),
  /** A whole-number index past the end of its axis: {@code w[13]} for {@code param w[13]}. */
  INDEX_OUT_OF_RANGE("SG118"),
  /** Something in brackets that is not an index: {@code w[j + 1]}, {@code w[0.5]}. */
  BAD_INDEX("SG119"),
  /** An expression that expands to more scalar terms than symgrad writes out. */
  TOO_LARGE("SG120"),
  /** An index used as a number: {@code j * w[j]}. */
  INDEX_AS_VALUE("SG121"),

  /** A line that does not start with a declaration keyword: {@code modle w * x}. */
  UNKNOWN_DECLARATION("SG200"),
  /** A name declared twice in the same role: two {@code param w}. */
  DUPLICATE_NAME("SG201"),
  /** A name declared twice in different roles: {@code input x} and {@code param x}. */
  CONFLICTING_ROLES("SG202"),
  /** A second {@code model}, {@code target}, {@code loss}, {@code penalty} or {@code data}. */
  DUPLICATE_DECLARATION("SG203"),
  /** A name that is not declared. */
  UNKNOWN_NAME("SG204"),
  /** A let used above its declaration, or in its own definition. */
  LET_BEFORE_DECLARATION("SG205"),
  /** The target column used by the model or a let. */
  TARGET_IN_MODEL("SG206"),
  /** The penalty using an input, the target, or a let that depends on them. */
  PENALTY_NOT_PARAMETERS("SG207"),
  /** A declaration of a reserved name: {@code pred}, {@code target}, a function name. */
  RESERVED_NAME("SG208"),
  /** {@code pred} or {@code target} outside a loss expression. */
  LOSS_NAME_OUTSIDE_LOSS("SG209"),
  /** A model file without {@code model}, {@code target} or any {@code param}. */
  MISSING_DECLARATION("SG210"),
  /** A keyword with nothing after it: {@code data}, {@code param}, {@code let x =}. */
  INCOMPLETE_DECLARATION("SG211"),
  /** A declaration whose name is not a name: {@code input 3x}. */
  EXPECTED_NAME("SG212"),
  /** Text after a complete declaration: {@code input a b}, {@code param w 1.0}. */
  UNEXPECTED_AFTER_DECLARATION("SG213"),
  /** An initializer that is not a finite constant, uniform(a, b) or normal(mean, std). */
  BAD_INITIALIZER("SG214"),
  /** A loss that is neither a known one nor an expression: {@code loss mse2}. */
  UNKNOWN_LOSS("SG215"),
  /** A known loss with bad arguments: {@code huber}, {@code huber(0)}, {@code mse(1)}. */
  BAD_LOSS_ARGUMENT("SG216"),
  /** A loss expression using a name other than {@code pred} and {@code target}. */
  NAME_IN_LOSS("SG217"),
  /** A loss expression that does not use {@code pred}. */
  LOSS_WITHOUT_PREDICTION("SG218"),
  /** A model file that cannot be read. */
  UNREADABLE_FILE("SG219"),
  /** An array declaration with a bad shape: {@code param w[0]}, {@code input X[2, 3]}. */
  BAD_SHAPE("SG220"),
  /** Input columns that do not fit: {@code input x[2] = a}, a column declared twice. */
  BAD_COLUMNS("SG221"),
  /** A loss that does not fit the model's output: cross_entropy of a scalar, mse of a vector. */
  LOSS_SHAPE("SG222");

  private final String id;

  Code(String id) {
    this.id = id;
  }

  /** {@code SG} and three digits, as printed. */
  String id() {
    return id;
  }
}
