package org.symgrad.runtime.optim;

/**
 * The function an optimizer minimises: PyTorch's {@code closure}. Evaluates the objective at
 * {@code params}, writes its gradient to {@code grad} and returns its value.
 *
 * <p>{@code params} and {@code grad} may be the optimizer's own scratch arrays rather than the
 * trainer's (LBFGS's line search evaluates trial points beside the parameters, which it leaves
 * untouched until it has chosen its step): read the point from {@code params}, never from a
 * captured array.
 */
@FunctionalInterface
public interface Objective {
  double evaluate(double[] params, double[] grad);
}
