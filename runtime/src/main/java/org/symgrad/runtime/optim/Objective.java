package org.symgrad.runtime.optim;

/**
 * The function an optimizer minimises: PyTorch's {@code closure}. Evaluates the objective at
 * {@code params}, writes its gradient to {@code grad} and returns its value.
 */
@FunctionalInterface
public interface Objective {
  double evaluate(double[] params, double[] grad);
}
