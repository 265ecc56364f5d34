package org.symgrad.runtime;

/**
 * The functions of the expression grammar that {@link Math} lacks, with PyTorch's
 * definitions. Generated code, bytecode and source alike, calls these, so both agree bit for
 * bit.
 */
public final class Functions {
  private Functions() {}

  /** {@code torch.sigmoid}: 1 / (1 + e^-x), which neither overflows nor loses 0 or 1. */
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** {@code torch.relu}: max(x, 0), NaN stays NaN. */
  public static double relu(double x) {
    return Math.max(x, 0.0);
  }

  /**
   * log(1 + e^x), in the stable form {@code max(x, 0) + log1p(e^-|x|)} that neither overflows
   * for large x nor loses precision for very negative x. PyTorch's {@code softplus} returns x
   * itself above 20; this keeps the exact value there (at most 2.1e-9 more), which is what
   * {@code bce_logits} needs to match {@code BCEWithLogitsLoss} near a loss of 0.
   */
  public static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /**
   * {@code torch.pow} with a number for exponent. PyTorch computes the common exponents without
   * pow, and so does this: x^2 as {@code x * x}, x^3 as {@code (x * x) * x}, x^-1 as {@code 1 /
   * x}, x^-2 as {@code 1 / (x * x)}, x^0.5 as {@code sqrt(x)} and x^-0.5 as {@code 1 /
   * sqrt(x)}, each a few roundings at most an ulp or two from {@link Math#pow}'s and many times
   * faster; the root of -0 is -0 and of -∞ NaN, as {@code sqrt} has them. Any other exponent is
   * {@link Math#pow}. A kernel whose exponent is a literal writes the same operations inline.
   */
  public static double pow(double x, double y) {
    if (y == 2.0) {
      return x * x;
    } else if (y == 3.0) {
      return (x * x) * x;
    } else if (y == -1.0) {
      return 1.0 / x;
    } else if (y == -2.0) {
      return 1.0 / (x * x);
    } else if (y == 0.5) {
      return Math.sqrt(x);
    } else if (y == -0.5) {
      return 1.0 / Math.sqrt(x);
    }
    return Math.pow(x, y);
  }

  /**
   * 1 when {@code a == b}, else 0 ({@code torch.eq} as a double): the indicator of the target
   * class in {@code cross_entropy}. A NaN equals nothing, so it gives 0.
   */
  public static double eq(double a, double b) {
    return a == b ? 1.0 : 0.0;
  }

  /** 1 when {@code a > b}, else 0 (a NaN is greater than nothing): a condition for select. */
  public static double gt(double a, double b) {
    return a > b ? 1.0 : 0.0;
  }

  /**
   * {@code a} where {@code condition} is not 0, else {@code b}: {@code torch.where}, with which
   * derivatives pick the active branch at a kink, so the other branch's infinity or NaN is
   * dropped rather than multiplied by 0.
   */
  public static double select(double condition, double a, double b) {
    return condition != 0.0 ? a : b;
  }
}
