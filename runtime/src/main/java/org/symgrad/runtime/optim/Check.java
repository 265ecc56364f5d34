package org.symgrad.runtime.optim;

/**
 * PyTorch's argument checks, with PyTorch's messages ({@code Invalid learning rate: -1.0}), so
 * a user who knows torch recognises them and a CLI can print them as they are.
 */
final class Check {
  private Check() {}

  /** {@code if not 0.0 <= lr: raise ValueError("Invalid learning rate: {}")}; NaN fails too. */
  static double learningRate(double lr) {
    return atLeastZero(lr, "Invalid learning rate");
  }

  /** {@code if not 0.0 <= value: raise ValueError(what + ": {}")}. */
  static double atLeastZero(double value, String what) {
    if (!(0.0 <= value)) {
      throw new IllegalArgumentException(what + ": " + PyFloat.repr(value));
    }
    return value;
  }

  /** {@code if not 0.0 <= betas[i] < 1.0}: a moving average must forget, and not negatively. */
  static double beta(double beta, int index) {
    if (!(0.0 <= beta && beta < 1.0)) {
      throw new IllegalArgumentException(
          "Invalid beta parameter at index " + index + ": " + PyFloat.repr(beta));
    }
    return beta;
  }

  /** An integer option that counts something, where torch would fail later or loop forever. */
  static int positive(int value, String optimizer, String option) {
    if (value < 1) {
      throw new IllegalArgumentException(
          optimizer + " option '" + option + "' must be at least 1, got " + value);
    }
    return value;
  }

  /**
   * A scheduler's factor of the learning rate ({@code gamma}): finite and above 0. torch takes
   * any, but the lr a negative or NaN one makes is refused at the epoch it is set, far from the
   * cause and blamed on the learning rate, and an infinite one makes the fit diverge.
   */
  static double factor(double value, String scheduler, String option) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(scheduler + " option '" + option + "' must be a "
          + "finite number above 0, got " + PyFloat.repr(value)
          + ": the factor the learning rate is multiplied by");
    }
    return value;
  }

  /** A scheduler's floor of the learning rate ({@code eta_min}): finite and not negative. */
  static double floor(double value, String scheduler, String option) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(scheduler + " option '" + option + "' must be a "
          + "finite number of at least 0, got " + PyFloat.repr(value)
          + ": the learning rate it anneals to");
    }
    return value;
  }

  /** Guards every step: an optimizer is sized for one parameter array. */
  static void sizes(String optimizer, int size, double[] params, double[] grad) {
    if (params.length != size || grad.length != size) {
      throw new IllegalArgumentException(
          optimizer
              + " was made for "
              + size
              + " parameters, got "
              + params.length
              + " parameters and "
              + grad.length
              + " gradients");
    }
  }
}
