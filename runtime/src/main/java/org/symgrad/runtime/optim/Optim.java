package org.symgrad.runtime.optim;

/**
 * The typed way to choose an optimizer: PyTorch's class as a method, its arguments as setters,
 * bound to the parameter count when a fit starts.
 *
 * <pre>{@code
 * OptimizerSpec<?> spec = Optim.adam().lr(1e-3).betas(0.9, 0.99);
 * TrainingResult fit = trainer.fit(model, data, start, spec);
 * }</pre>
 *
 * <p>A spec is an immutable value: share it between fits and threads, keep it as a constant.
 * Each setter checks its value as torch's constructor would, with torch's message; the
 * defaults are torch 1.13's (SGD's {@code lr}, which torch requires, is 0.01 here), listed in
 * docs/optimizers.md. {@link Optimizers} reads the same specs from text, for a command line.
 */
public final class Optim {
  private Optim() {}

  /** {@code torch.optim.SGD}: stochastic gradient descent, with momentum if asked. */
  public static SGD.Spec sgd() {
    return SGD.DEFAULTS;
  }

  /** {@code torch.optim.Adam}. */
  public static Adam.Spec adam() {
    return Adam.DEFAULTS;
  }

  /** {@code torch.optim.AdamW}: Adam with decoupled weight decay. */
  public static Adam.Spec adamW() {
    return AdamW.DEFAULTS;
  }

  /** {@code torch.optim.Adamax}: Adam with the infinity norm. */
  public static Adamax.Spec adamax() {
    return Adamax.DEFAULTS;
  }

  /** {@code torch.optim.Adagrad}. */
  public static Adagrad.Spec adagrad() {
    return Adagrad.DEFAULTS;
  }

  /** {@code torch.optim.Adadelta}. */
  public static Adadelta.Spec adadelta() {
    return Adadelta.DEFAULTS;
  }

  /** {@code torch.optim.RMSprop}. */
  public static RMSprop.Spec rmsprop() {
    return RMSprop.DEFAULTS;
  }

  /** {@code torch.optim.Rprop}: resilient backpropagation. */
  public static Rprop.Spec rprop() {
    return Rprop.DEFAULTS;
  }

  /** {@code torch.optim.ASGD}: averaged SGD. */
  public static ASGD.Spec asgd() {
    return ASGD.DEFAULTS;
  }

  /** {@code torch.optim.NAdam}: Adam with Nesterov momentum. */
  public static NAdam.Spec nadam() {
    return NAdam.DEFAULTS;
  }

  /** {@code torch.optim.RAdam}: rectified Adam. */
  public static RAdam.Spec radam() {
    return RAdam.DEFAULTS;
  }

  /** {@code torch.optim.LBFGS}: limited-memory BFGS, several evaluations a step. */
  public static LBFGS.Spec lbfgs() {
    return LBFGS.DEFAULTS;
  }

  /** {@code torch.optim.SparseAdam}: lazy Adam, moving only coordinates with a gradient. */
  public static SparseAdam.Spec sparseAdam() {
    return SparseAdam.DEFAULTS;
  }
}
