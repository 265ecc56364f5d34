package org.symgrad.compiler.graph;

import org.jspecify.annotations.Nullable;

/**
 * The primitive operations of the symbolic graph. Everything else ({@code a - b}, {@code
 * min}/{@code max} splits, the losses) is built from these by {@link Graph}'s factories.
 *
 * <p>Each op's value is defined here; its derivative is defined in {@code diff.Derivatives},
 * in a switch with no default, so an op cannot be added without its rule.
 */
public enum Op {
  /** A number; the node holds it. */
  CONST(0, null),
  /** A named variable: a parameter, an input, the target, or a free variable of {@code grad}. */
  VAR(0, null),
  ADD(2, null),
  MUL(2, null),
  DIV(2, null),
  POW(2, "pow"),
  NEG(1, null),
  EXP(1, "exp"),
  LOG(1, "log"),
  SQRT(1, "sqrt"),
  SIN(1, "sin"),
  COS(1, "cos"),
  TAN(1, "tan"),
  TANH(1, "tanh"),
  SINH(1, "sinh"),
  COSH(1, "cosh"),
  ASIN(1, "asin"),
  ACOS(1, "acos"),
  ATAN(1, "atan"),
  ABS(1, "abs"),
  /** -1, 0 or 1 (and NaN for NaN), as {@code torch.sign}; the derivative of {@code abs}. */
  SIGN(1, "sign"),
  SIGMOID(1, "sigmoid"),
  RELU(1, "relu"),
  SOFTPLUS(1, "softplus"),
  LOG1P(1, "log1p"),
  EXPM1(1, "expm1"),
  MIN(2, "min"),
  MAX(2, "max"),
  /**
   * 1 where {@code a == b}, else 0 (NaN equals nothing): the indicator that picks the target
   * class's logit out of a vector output in {@code cross_entropy}. Internal, as {@code sign};
   * its derivative is 0 in both arguments, as for any comparison.
   */
  EQ(2, "eq"),
  /** 1 where {@code a > b}, else 0 (NaN is greater than nothing): a condition for select. */
  GT(2, "gt"),
  /**
   * {@code b} where {@code c} is 0, else {@code a}: torch's {@code where}, for conditions built
   * by {@code eq} and {@code gt}. Internal; the derivatives at kinks and at a power's zero base
   * select the active branch with it, so an infinite partial of the other branch is dropped
   * instead of multiplied by 0 into NaN.
   */
  SELECT(3, "select");

  private final int arity;
  private final @Nullable String function;

  Op(int arity, @Nullable String function) {
    this.arity = arity;
    this.function = function;
  }

  /** How many inputs a node of this op has. */
  public int arity() {
    return arity;
  }

  /** The name this op is called by in the expression grammar, or null for an operator. */
  public @Nullable String functionName() {
    return function;
  }

  /** Whether the order of the two inputs does not matter. */
  public boolean isCommutative() {
    return this == ADD || this == MUL;
  }

  /** The value of a unary op at {@code x}. */
  public double apply(double x) {
    return switch (this) {
      case NEG -> -x;
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case TAN -> Math.tan(x);
      case TANH -> Math.tanh(x);
      case SINH -> Math.sinh(x);
      case COSH -> Math.cosh(x);
      case ASIN -> Math.asin(x);
      case ACOS -> Math.acos(x);
      case ATAN -> Math.atan(x);
      case ABS -> Math.abs(x);
      case SIGN -> Math.signum(x);
      case SIGMOID -> org.symgrad.runtime.Functions.sigmoid(x);
      case RELU -> org.symgrad.runtime.Functions.relu(x);
      case SOFTPLUS -> org.symgrad.runtime.Functions.softplus(x);
      case LOG1P -> Math.log1p(x);
      case EXPM1 -> Math.expm1(x);
      case CONST, VAR, ADD, MUL, DIV, POW, MIN, MAX, EQ, GT, SELECT ->
          throw new IllegalStateException(this + " is not unary");
    };
  }

  /** The value of a binary op at {@code (a, b)}. */
  public double apply(double a, double b) {
    return switch (this) {
      case ADD -> a + b;
      case MUL -> a * b;
      case DIV -> a / b;
      case POW -> org.symgrad.runtime.Functions.pow(a, b);
      case MIN -> Math.min(a, b);
      case MAX -> Math.max(a, b);
      case EQ -> org.symgrad.runtime.Functions.eq(a, b);
      case GT -> org.symgrad.runtime.Functions.gt(a, b);
      default -> throw new IllegalStateException(this + " is not binary");
    };
  }

  /** The value of {@link #SELECT} at {@code (c, a, b)}. */
  public double apply(double c, double a, double b) {
    if (this != SELECT) {
      throw new IllegalStateException(this + " is not ternary");
    }
    return org.symgrad.runtime.Functions.select(c, a, b);
  }

  /** The value at {@code args}, which number {@link #arity()}. */
  public double apply(double[] args) {
    return switch (args.length) {
      case 1 -> apply(args[0]);
      case 2 -> apply(args[0], args[1]);
      case 3 -> apply(args[0], args[1], args[2]);
      default -> throw new IllegalStateException(this + " takes " + arity + " arguments");
    };
  }

  /**
   * Whether users may call this op by name; {@code sign} (abs'), {@code eq} (cross_entropy's
   * class indicator), {@code gt} and {@code select} (derivatives at kinks) are internal.
   */
  public boolean isGrammarFunction() {
    return function != null && this != SIGN && this != EQ && this != GT && this != SELECT;
  }

  /** The op users call {@code name} in the grammar, or null. */
  public static @Nullable Op forFunction(String name) {
    Op op = forFunctionOrInternal(name);
    return op != null && op.isGrammarFunction() ? op : null;
  }

  /** The op called {@code name}, internal ones included, or null. */
  public static @Nullable Op forFunctionOrInternal(String name) {
    for (Op op : values()) {
      if (name.equals(op.function)) {
        return op;
      }
    }
    return null;
  }
}
