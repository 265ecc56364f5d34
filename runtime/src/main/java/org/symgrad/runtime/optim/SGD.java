package org.symgrad.runtime.optim;

import java.util.List;

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
public final class SGD extends BaseOptimizer {
  // symgrad's default lr: torch requires one.
  static final Option<Double> LR = Option.lr("0.01");
  static final Option<Double> MOMENTUM = Option.momentum();
  static final Option<Double> DAMPENING = Option.unchecked("dampening", Kind.NUMBER, "0");
  static final Option<Boolean> NESTEROV = Option.flag("nesterov");
  static final Spec DEFAULTS = new Spec(Settings.of("SGD", List.of(
      LR, MOMENTUM, DAMPENING, Option.weightDecay("0"), NESTEROV, Option.maximize())));

  /** {@code torch.optim.SGD}'s arguments: {@link Optim#sgd()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Momentum<Spec>, OptimizerSpec.WeightDecay<Spec>,
          OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, SGD::new);
    }

    /** torch's {@code dampening} of the momentum buffer's new gradient. */
    public Spec dampening(double dampening) {
      return set(DAMPENING, dampening);
    }

    /** torch's {@code nesterov}: Nesterov momentum, which needs a momentum and no dampening. */
    public Spec nesterov(boolean nesterov) {
      return set(NESTEROV, nesterov);
    }
  }

  private final double momentum;
  private final double dampening;
  private final boolean nesterov;

  private final boolean plain; // no momentum, weight decay or maximize: most fits' optimizer
  private final double[] momentumBuffer;
  /** torch creates the buffer at the first step, as a copy of the gradient, not as zeros. */
  private boolean hasMomentumBuffer;

  private SGD(int size, Settings settings) {
    super(settings, size, LR, false);
    this.momentum = settings.get(MOMENTUM);
    this.dampening = settings.get(DAMPENING);
    this.nesterov = settings.get(NESTEROV);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException(
          "Nesterov momentum requires a momentum and zero dampening");
    }
    this.momentumBuffer = new double[size];
    this.plain = !maximize && weightDecay == 0 && momentum == 0;
  }

  @Override
  void update(double[] params, double loss, double[] grad, Objective objective) {
    if (plain) {
      // The general loop below with its tests taken out.
      double step = -lr;
      for (int i = 0; i < params.length; i++) {
        params[i] = Math.fma(step, grad[i], params[i]);
      }
      if (hasMomentumBuffer) {
        hasMomentumBuffer = false; // as below, with momentum 0
      }
      return;
    }
    for (int i = 0; i < size; i++) {
      double g = gradient(params, grad, i);
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
  void saveMore(Snapshots snapshot) {
    if (hasMomentumBuffer) {
      snapshot.array("momentum_buffer", momentumBuffer);
    }
  }

  @Override
  void restoreMore(OptimizerState state) {
    hasMomentumBuffer = state.arrays().containsKey("momentum_buffer");
    if (hasMomentumBuffer) {
      Snapshots.read(state, "momentum_buffer", momentumBuffer);
    }
  }
}
