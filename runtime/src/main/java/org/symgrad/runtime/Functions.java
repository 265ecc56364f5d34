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

  /** {@code torch.nn.functional.softplus} with beta 1 and threshold 20: linear above 20. */
  public static double softplus(double x) {
    return x > 20.0 ? x : Math.log1p(Math.exp(x));
  }
}
