package org.symgrad.runtime;

/**
 * A model compiled by symgrad: a stateless, thread-safe set of fused kernels.
 *
 * <p>Parameters are one flat {@code double[]} laid out as {@link ModelInfo#parameters()}
 * says. Every method makes a single pass over the rows of its batch and allocates nothing.
 */
public interface CompiledModel {

  /** Names, shapes and texts of the model this class was compiled from. */
  ModelInfo info();

  /**
   * Forward pass only: writes the prediction for every row of {@code inputs} to {@code out}
   * ({@code out[row * outputs + k]}). The batch needs the input columns only.
   */
  void predict(double[] params, Batch inputs, double[] out);

  /**
   * The objective without its gradient: the loss averaged over the batch plus the penalty.
   * This is the {@code no_grad} path used for validation.
   */
  double loss(double[] params, Batch batch);

  /**
   * The fused pass: returns the same value as {@link #loss} and writes dObjective/dParams
   * to {@code grad}, overwriting what was there.
   */
  double lossAndGradient(double[] params, Batch batch, double[] grad);
}
