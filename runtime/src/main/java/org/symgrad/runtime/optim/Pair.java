package org.symgrad.runtime.optim;

/** Two numbers, as torch's tuples {@code betas}, {@code etas} and {@code step_sizes} hold them. */
record Pair(double first, double second) {

  @Override
  public String toString() {
    return PyFloat.repr(first) + "," + PyFloat.repr(second);
  }
}
