package org.symgrad.runtime.optim;

import java.util.Map;

/**
 * A {@code torch.optim.lr_scheduler} scheduler: changes its optimizer's learning rate once per
 * epoch, after the optimizer's step.
 */
public interface LrScheduler {

  /** PyTorch's class name, such as {@code "StepLR"}. */
  String name();

  /**
   * One {@code scheduler.step()} at the end of an epoch. {@code metric} is the value {@code
   * ReduceLROnPlateau} watches (the validation loss, or the training loss when there is no
   * validation set); the other schedulers ignore it.
   */
  void step(double metric);

  /** The scheduler's counters ({@code last_epoch}, {@code best}, …), to save and resume. */
  Map<String, Double> state();

  /** Restores counters taken by {@link #state()} from a scheduler of the same class. */
  void restore(Map<String, Double> state);
}
