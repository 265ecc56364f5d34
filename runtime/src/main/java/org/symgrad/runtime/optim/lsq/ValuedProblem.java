package org.symgrad.runtime.optim.lsq;

/**
 * What every problem a trust-region solver fits offers first: how many parameters it has and
 * its value at a point. {@link SecondOrderProblem} and {@link HessianVectorProblem} add the
 * derivatives each kind of step needs.
 */
public interface ValuedProblem {
  /** The number of parameters. */
  int size();

  /** The value at {@code x}; NaN or infinite where it is not defined. */
  double value(double[] x);
}
