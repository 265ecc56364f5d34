package org.symgrad.compiler.lower;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/**
 * How a kernel computes {@code x ^ n} for the literal exponents that {@code Functions.pow}
 * (and PyTorch) compute without pow: at most two operations, an inner one on {@code x} and an
 * outer one on its result, each IEEE-exact in both emitters and in the Vector API, so inline
 * code gives {@code Functions.pow}'s bits at a fraction of a pow's cost.
 */
enum PowerForm {
  /** {@code x * x}. */
  SQUARE(2.0, null),
  /** {@code (x * x) * x}. */
  CUBE(3.0, Operation.MUL),
  /** {@code 1 / x}. */
  RECIPROCAL(-1.0, null),
  /** {@code 1 / (x * x)}. */
  RECIPROCAL_SQUARE(-2.0, Operation.MUL),
  /** {@code sqrt(x)}. */
  ROOT(0.5, null),
  /** {@code 1 / sqrt(x)}. */
  RECIPROCAL_ROOT(-0.5, Operation.SQRT);

  private final double exponent;
  private final @Nullable Operation inner;

  PowerForm(double exponent, @Nullable Operation inner) {
    this.exponent = exponent;
    this.inner = inner;
  }

  /** The form of {@code pow}, a {@link Op#POW} node, or null for a call of pow. */
  static @Nullable PowerForm of(Node pow) {
    if (pow.op() != Op.POW || !pow.input(1).isConstant()) {
      return null;
    }
    for (PowerForm form : values()) {
      if (pow.input(1).value() == form.exponent) {
        return form;
      }
    }
    return null;
  }

  /** The operation on {@code x} whose result the outer one uses: x * x, sqrt(x), or none. */
  @Nullable Operation inner() {
    return inner;
  }

  /** The inner operation's operands. */
  List<Value> innerOperands(Value x) {
    return inner == Operation.MUL ? List.of(x, x) : List.of(x);
  }

  /** The outer operation, on {@code inner} (the inner result, or {@code x} when there is none). */
  Instr.Compute outer(Value.Temp to, Value inner, Value x) {
    return switch (this) {
      case SQUARE -> new Instr.Compute(to, Operation.MUL, List.of(x, x));
      case CUBE -> new Instr.Compute(to, Operation.MUL, List.of(inner, x));
      case RECIPROCAL, RECIPROCAL_SQUARE, RECIPROCAL_ROOT ->
          new Instr.Compute(to, Operation.DIV, List.of(new Value.Literal(1.0), inner));
      case ROOT -> new Instr.Compute(to, Operation.SQRT, List.of(x));
    };
  }
}
