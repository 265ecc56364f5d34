package org.symgrad.runtime;

import java.util.Random;

/** How a parameter's starting values are chosen: a constant, or draws from a seeded generator. */
public sealed interface Initializer {

  /** Writes {@code size} starting values at {@code offset}. */
  void fill(double[] values, int offset, int size, Random random);

  /** Every element starts at {@code value}. */
  record Constant(double value) implements Initializer {
    @Override
    public void fill(double[] values, int offset, int size, Random random) {
      java.util.Arrays.fill(values, offset, offset + size, value);
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** Uniform on [low, high), as {@code torch.nn.init.uniform_}. */
  record Uniform(double low, double high) implements Initializer {
    public Uniform {
      if (!(low <= high)) {
        throw new IllegalArgumentException("uniform(" + low + ", " + high + "): low > high");
      }
    }

    @Override
    public void fill(double[] values, int offset, int size, Random random) {
      for (int i = offset; i < offset + size; i++) {
        values[i] = low + (high - low) * random.nextDouble();
      }
    }

    @Override
    public String toString() {
      return "uniform(" + low + ", " + high + ")";
    }
  }

  /** Normal with the given mean and standard deviation, as {@code torch.nn.init.normal_}. */
  record Normal(double mean, double std) implements Initializer {
    public Normal {
      if (!(std >= 0)) {
        throw new IllegalArgumentException("normal(" + mean + ", " + std + "): std < 0");
      }
    }

    @Override
    public void fill(double[] values, int offset, int size, Random random) {
      for (int i = offset; i < offset + size; i++) {
        values[i] = mean + std * random.nextGaussian();
      }
    }

    @Override
    public String toString() {
      return "normal(" + mean + ", " + std + ")";
    }
  }
}
