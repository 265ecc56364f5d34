package org.symgrad.compiler;

import java.util.function.Function;
import org.symgrad.compiler.lower.RowSums;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.second.SecondOrderSums;

/**
 * The fused second-order kernels a model can be compiled into ({@link SecondOrderSums}), each
 * a class of its own whose {@code lossAndGradient} (and chunked {@code sums}/{@code finish})
 * returns the first result and writes the rest.
 */
public enum SecondOrderKernel {
  /** Returns {@code Σr²}; writes {@code Jᵀr}, then the upper triangle of {@code JᵀJ}. */
  NORMAL_EQUATIONS(SecondOrderSums::normalEquations),
  /** Returns {@code Σr²}. */
  SUM_OF_SQUARES(SecondOrderSums::sumOfSquares),
  /** Returns the objective; writes its gradient, then the upper triangle of its Hessian. */
  NEWTON(SecondOrderSums::newton),
  /** Returns the objective. */
  OBJECTIVE(SecondOrderSums::objective),
  /**
   * Reads {@code params = θ, v} (the parameters, then a direction); returns {@code vᵀ∇f} and
   * writes the objective's Hessian times {@code v}, never forming the Hessian.
   */
  HESSIAN_VECTOR(SecondOrderSums::hessianVector),
  /**
   * Reads {@code params = θ, v}; returns {@code rᵀr_vv} and writes {@code Jᵀr_vv}, with {@code
   * r_vv,i = vᵀ∇²rᵢ v}: the residuals' curvature along a step, for {@code lm}'s geodesic
   * acceleration. Least-squares models only.
   */
  GEODESIC(SecondOrderSums::geodesic);

  private final Function<ModelDefinition, RowSums> sums;

  SecondOrderKernel(Function<ModelDefinition, RowSums> sums) {
    this.sums = sums;
  }

  /** This kernel's sums for {@code model}; the caller holds the graph's lock. */
  public RowSums sums(ModelDefinition model) {
    return sums.apply(model);
  }
}
