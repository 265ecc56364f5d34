package org.symgrad.compiler.lower;

import org.jspecify.annotations.Nullable;

/**
 * The operations of the kernel IR: four arithmetic operators, negation, and calls to static
 * methods of {@link Math} and the runtime's {@code Functions}. Both emitters translate each to
 * the same JVM operation, which is what makes their results bit-identical.
 */
public enum Operation {
  ADD("+", null, null, 2),
  SUB("-", null, null, 2),
  MUL("*", null, null, 2),
  DIV("/", null, null, 2),
  NEG("-", null, null, 1),
  EXP(null, "Math", "exp", 1),
  LOG(null, "Math", "log", 1),
  SQRT(null, "Math", "sqrt", 1),
  SIN(null, "Math", "sin", 1),
  COS(null, "Math", "cos", 1),
  TAN(null, "Math", "tan", 1),
  TANH(null, "Math", "tanh", 1),
  SINH(null, "Math", "sinh", 1),
  COSH(null, "Math", "cosh", 1),
  ASIN(null, "Math", "asin", 1),
  ACOS(null, "Math", "acos", 1),
  ATAN(null, "Math", "atan", 1),
  ABS(null, "Math", "abs", 1),
  SIGN(null, "Math", "signum", 1),
  LOG1P(null, "Math", "log1p", 1),
  EXPM1(null, "Math", "expm1", 1),
  POW(null, "Functions", "pow", 2),
  MIN(null, "Math", "min", 2),
  MAX(null, "Math", "max", 2),
  SIGMOID(null, "Functions", "sigmoid", 1),
  RELU(null, "Functions", "relu", 1),
  SOFTPLUS(null, "Functions", "softplus", 1),
  EQ(null, "Functions", "eq", 2),
  GT(null, "Functions", "gt", 2),
  SELECT(null, "Functions", "select", 3);

  /** The JVM internal name of the class whose static methods the calls are. */
  public static final String MATH_OWNER = "java/lang/Math";
  public static final String FUNCTIONS_OWNER = "org/symgrad/runtime/Functions";

  private final @Nullable String symbol;
  private final @Nullable String owner;
  private final @Nullable String method;
  private final int arity;

  Operation(@Nullable String symbol, @Nullable String owner, @Nullable String method,
      int arity) {
    this.symbol = symbol;
    this.owner = owner;
    this.method = method;
    this.arity = arity;
  }

  /** The Java operator, for {@code + - * /} and negation; null for calls. */
  public @Nullable String symbol() {
    return symbol;
  }

  /** Whether this is a call to a static method. */
  public boolean isCall() {
    return method != null;
  }

  /** The simple name of the class declaring the method: {@code Math} or {@code Functions}. */
  public @Nullable String owner() {
    return owner;
  }

  /** The JVM internal name of that class. */
  public String ownerInternalName() {
    return "Math".equals(owner) ? MATH_OWNER : FUNCTIONS_OWNER;
  }

  /** The static method's name. */
  public @Nullable String method() {
    return method;
  }

  /** The number of operands. */
  public int arity() {
    return arity;
  }

  /** The JVM descriptor of the static method: {@code (D)D}, {@code (DD)D} or {@code (DDD)D}. */
  public String descriptor() {
    return "(" + "D".repeat(arity) + ")D";
  }

  /** The IR's short name, as {@link Program#toString()} prints it. */
  public String mnemonic() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
