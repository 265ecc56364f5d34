package org.symgrad.compiler;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code newton} steps, {@code --opt hessian=auto|dense|cg}: on the dense Hessian from the
 * fused Newton kernel, or by truncated conjugate gradients on Hessian-vector products. One
 * reading of the option for {@code symgrad fit} and {@code symgrad-spark}, so both choose alike.
 */
public enum NewtonHessian {
  /** Dense up to {@link SecondOrderProblems#DENSE_HESSIAN_LIMIT} parameters, CG above. */
  AUTO,
  /** Always the fused Newton kernel and Moré–Sorensen's step. */
  DENSE,
  /** Always Steihaug's truncated CG on Hessian-vector products. */
  CG;

  /** The option's name in {@code --opt}. */
  public static final String OPTION = "hessian";

  /**
   * Removes {@code hessian=…} (the key in any case) from {@code options} and reads it; {@link
   * #AUTO} when it is not there. What is left are the tolerances' options.
   *
   * @throws IllegalArgumentException when the value is not auto, dense or cg
   */
  public static NewtonHessian take(Map<String, String> options) {
    String value = "auto";
    for (String key : List.copyOf(options.keySet())) {
      if (key.toLowerCase(Locale.ROOT).equals(OPTION)) {
        value = options.remove(key).trim().toLowerCase(Locale.ROOT);
      }
    }
    return switch (value) {
      case "auto" -> AUTO;
      case "dense" -> DENSE;
      case "cg" -> CG;
      default -> throw new IllegalArgumentException(
          OPTION + "=" + value + ": must be auto, dense or cg");
    };
  }

  /** Whether newton on {@code parameterCount} parameters steps without forming the Hessian. */
  public boolean matrixFree(int parameterCount) {
    return this == CG
        || (this == AUTO && parameterCount > SecondOrderProblems.DENSE_HESSIAN_LIMIT);
  }
}
