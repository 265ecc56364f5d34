package org.symgrad.runtime.optim.lsq;

/**
 * What trust-region Newton needs of a problem too large for a dense Hessian: its value, its
 * gradient, and the Hessian times a vector, never the Hessian itself.
 */
public interface HessianVectorProblem extends ValuedProblem {
  /** The value at {@code x}; writes the gradient to {@code gradient}. */
  double gradient(double[] x, double[] gradient);

  /** Writes the Hessian at {@code x} times {@code v} to {@code hv}. */
  void hessianVector(double[] x, double[] v, double[] hv);
}
