package org.symgrad.runtime.optim;

/**
 * A {@code torch.optim} optimizer over one flat parameter array: same name, hyper-parameters,
 * defaults and update rule as PyTorch's class of that name.
 *
 * <p>An optimizer is sized for one parameter array when it is made and allocates nothing per
 * step. It is not thread-safe: one optimizer drives one fit.
 */
public interface Optimizer {

  /** PyTorch's class name, such as {@code "SGD"} or {@code "AdamW"}. */
  String name();

  /**
   * One {@code optimizer.step()}, updating {@code params} in place.
   *
   * @param loss the objective at {@code params}, as the trainer just evaluated it
   * @param grad its gradient at {@code params}; read, never written
   * @param objective re-evaluates the objective, for optimizers that need more than one
   *     evaluation per step (LBFGS); others never call it
   */
  void step(double[] params, double loss, double[] grad, Objective objective);

  /** The current learning rate ({@code param_groups[0]["lr"]}); schedulers change it. */
  double learningRate();

  /** Sets the learning rate, as a scheduler does. */
  void setLearningRate(double lr);

  /** A snapshot of the state this optimizer has built up, to save with the parameters. */
  OptimizerState state();

  /**
   * Restores a snapshot taken by {@link #state()} from an optimizer of the same class over a
   * parameter array of the same length.
   *
   * @throws IllegalArgumentException when the snapshot is of another optimizer or size
   */
  void restore(OptimizerState state);
}
