package org.symgrad.runtime.optim;

/**
 * Stochastic gradient descent, optionally with momentum: {@code torch.optim.SGD}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html">torch's algorithm</a>:
 *
 * <pre>
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * if momentum != 0:
 *     b = first step ? g : momentum * b + (1 - dampening) * g
 *     g = nesterov ? g + momentum * b : b
 * p = p - lr * g
 * </pre>
 *
 * <p>Note PyTorch's form of momentum, {@code b = momentum * b + g} then {@code p -= lr * b}:
 * the learning rate is applied after the buffer, not folded into it as in Sutskever et al.
 */
public final class SGD implements Optimizer {
  private final int size;
  private double lr;
  private final double momentum;
  private final double dampening;
  private final double weightDecay;
  private final boolean nesterov;
  private final boolean maximize;

  private final double[] momentumBuffer;
  /** torch creates the buffer at the first step, as a copy of the gradient, not as zeros. */
  private boolean hasMomentumBuffer;

  /** Arguments as {@code torch.optim.SGD}'s, checked with its messages. */
  public SGD(
      int size,
      double lr,
      double momentum,
      double dampening,
      double weightDecay,
      boolean nesterov,
      boolean maximize) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.momentum = Check.atLeastZero(momentum, "Invalid momentum value");
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException(
          "Nesterov momentum requires a momentum and zero dampening");
    }
    this.dampening = dampening;
    this.nesterov = nesterov;
    this.maximize = maximize;
    this.momentumBuffer = new double[size];
  }

  @Override
  public String name() {
    return "SGD";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    if (!maximize && weightDecay == 0 && momentum == 0) {
      // Plain SGD, most fits' optimizer: the general loop below with its tests taken out.
      for (int i = 0; i < size; i++) {
        params[i] = Math.fma(-lr, grad[i], params[i]);
      }
      hasMomentumBuffer = false; // as below, with momentum 0
      return;
    }
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      if (momentum != 0) {
        double b =
            hasMomentumBuffer ? Math.fma(1 - dampening, g, momentumBuffer[i] * momentum) : g;
        momentumBuffer[i] = b;
        g = nesterov ? Math.fma(momentum, b, g) : b;
      }
      params[i] = Math.fma(-lr, g, params[i]);
    }
    hasMomentumBuffer = momentum != 0;
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    this.lr = Check.learningRate(lr);
  }

  @Override
  public OptimizerState state() {
    Snapshots snapshot = Snapshots.of(name()).scalar("lr", lr);
    if (hasMomentumBuffer) {
      snapshot.array("momentum_buffer", momentumBuffer);
    }
    return snapshot.build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    hasMomentumBuffer = state.arrays().containsKey("momentum_buffer");
    if (hasMomentumBuffer) {
      Snapshots.read(state, "momentum_buffer", momentumBuffer);
    }
  }
}
