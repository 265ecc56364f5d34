package org.symgrad.compiler;

import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;
import org.symgrad.runtime.optim.lsq.FusedObjective;
import org.symgrad.runtime.optim.lsq.FusedResiduals;
import org.symgrad.runtime.optim.lsq.HessianVectorProduct;
import org.symgrad.runtime.optim.lsq.MatrixFreeObjective;
import org.symgrad.runtime.optim.lsq.ResidualProblem;

/**
 * The problems {@code lm} and {@code newton} solve, from a parsed model and its batch: each
 * compiles the two fused kernels it runs ({@link SecondOrderKernel}). Beside the front door,
 * {@link Symgrad}, because it compiles through it.
 */
public final class SecondOrderProblems {
  private SecondOrderProblems() {}

  /**
   * The residuals of a least-squares {@code model} for Levenberg–Marquardt.
   *
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   * @param threads how many threads sum the rows' chunks; the bits do not depend on it
   * @throws IllegalArgumentException when the model is not a sum of squares of residuals
   */
  public static ResidualProblem residuals(ModelDefinition model, Batch batch, int threads) {
    return residuals(model, batch, threads, true);
  }

  /**
   * As {@link #residuals(ModelDefinition, Batch, int)}, with the geodesic kernel for {@code
   * lm}'s acceleration where {@code accelerate} says (and the normal equations are fused).
   */
  public static ResidualProblem residuals(ModelDefinition model, Batch batch, int threads,
      boolean accelerate) {
    if (!fusesNormalEquations(Symgrad.parameterNames(model).size())) {
      return new CompiledResiduals(Symgrad.compile(model), Symgrad.compileJacobian(model),
          batch);
    }
    return new FusedResiduals(Symgrad.compileNormalEquations(model),
        Symgrad.compileSecondOrder(model, SecondOrderKernel.SUM_OF_SQUARES),
        accelerate ? Symgrad.compileSecondOrder(model, SecondOrderKernel.GEODESIC) : null,
        batch, threads);
  }

  /**
   * The most parameters for which {@code lm} sums {@code JᵀJ} in the generated loop. That
   * kernel has {@code 1 + p + p(p+1)/2} sums, so its code and compile time grow with the
   * square of {@code p} (301 parameters: about 15 s to compile here); above this {@code lm}
   * runs the Jacobian kernel, {@code p + 1} outputs a row, and forms {@code JᵀJ} from them
   * chunk by chunk, on one thread.
   */
  public static final int FUSED_NORMAL_EQUATIONS_LIMIT = 200;

  /** Whether {@link #residuals} sums the normal equations in the generated loop for this size. */
  public static boolean fusesNormalEquations(int parameterCount) {
    return parameterCount <= FUSED_NORMAL_EQUATIONS_LIMIT;
  }

  /** The objective's Hessian times a vector, for models too large for a dense Hessian. */
  public static HessianVectorProduct hessianVector(ModelDefinition model, Batch batch,
      int threads) {
    return new HessianVectorProduct(
        Symgrad.compileSecondOrder(model, SecondOrderKernel.HESSIAN_VECTOR), batch, threads);
  }

  /**
   * The most parameters for which {@code newton} forms the dense Hessian by default. Its fused
   * kernel sums {@code 1 + p + p(p+1)/2} terms per row (20,301 at 200, and the generated
   * code and its compile time grow alike) and each step factors a {@code p × p} matrix; above
   * this the Hessian-vector kernel's {@code p + 1} sums per product cost less even when
   * conjugate gradients need many products.
   */
  public static final int DENSE_HESSIAN_LIMIT = 200;

  /**
   * The objective of any {@code model} for trust-region Newton without its Hessian: value,
   * gradient and Hessian-vector products, each one pass over the rows.
   */
  public static MatrixFreeObjective matrixFree(ModelDefinition model, Batch batch,
      int threads) {
    return new MatrixFreeObjective(Symgrad.compile(model),
        Symgrad.compileSecondOrder(model, SecondOrderKernel.OBJECTIVE),
        hessianVector(model, batch, threads), batch, threads);
  }

  /** The objective of any {@code model} with its exact Hessian, for trust-region Newton. */
  public static FusedObjective objective(ModelDefinition model, Batch batch, int threads) {
    return new FusedObjective(Symgrad.compileSecondOrder(model, SecondOrderKernel.NEWTON),
        Symgrad.compileSecondOrder(model, SecondOrderKernel.OBJECTIVE), batch, threads);
  }
}
