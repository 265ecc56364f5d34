package org.symgrad.runtime.optim;

/**
 * RMSprop: {@code torch.optim.RMSprop}.
 *
 * <p>The update, per coordinate, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.RMSprop.html">torch's
 * algorithm</a>:
 *
 * <pre>
 * g = maximize ? -grad : grad
 * if weight_decay != 0: g = g + weight_decay * p
 * v = alpha * v + (1 - alpha) * g * g
 * if centered: a = alpha * a + (1 - alpha) * g;  avg = sqrt(v - a * a) + eps
 * else:        avg = sqrt(v) + eps
 * if momentum > 0: b = momentum * b + g / avg;  p = p - lr * b
 * else:            p = p - lr * g / avg
 * </pre>
 *
 * <p>torch adds {@code eps} outside the square root (Hinton's slides put it inside).
 */
public final class RMSprop implements Optimizer {
  private final int size;
  private double lr;
  private final double alpha;
  private final double eps;
  private final double weightDecay;
  private final double momentum;
  private final boolean centered;
  private final boolean maximize;

  private double step;
  private final double[] squareAvg;
  private final double[] gradAvg;
  private final double[] momentumBuffer;

  /** Arguments as {@code torch.optim.RMSprop}'s, checked with its messages. */
  public RMSprop(
      int size,
      double lr,
      double alpha,
      double eps,
      double weightDecay,
      double momentum,
      boolean centered,
      boolean maximize) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.eps = Check.atLeastZero(eps, "Invalid epsilon value");
    this.momentum = Check.atLeastZero(momentum, "Invalid momentum value");
    this.weightDecay = Check.atLeastZero(weightDecay, "Invalid weight_decay value");
    this.alpha = Check.atLeastZero(alpha, "Invalid alpha value");
    this.centered = centered;
    this.maximize = maximize;
    this.squareAvg = new double[size];
    this.gradAvg = new double[centered ? size : 0];
    this.momentumBuffer = new double[momentum > 0 ? size : 0];
  }

  @Override
  public String name() {
    return "RMSprop";
  }

  @Override
  public void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
    step += 1;
    for (int i = 0; i < size; i++) {
      double g = maximize ? -grad[i] : grad[i];
      if (weightDecay != 0) {
        g = Math.fma(weightDecay, params[i], g);
      }
      squareAvg[i] = Math.fma((1 - alpha) * g, g, squareAvg[i] * alpha);
      double avg;
      if (centered) {
        gradAvg[i] = Math.fma(1 - alpha, g, gradAvg[i] * alpha);
        avg = Math.sqrt(Math.fma(-gradAvg[i], gradAvg[i], squareAvg[i]));
      } else {
        avg = Math.sqrt(squareAvg[i]);
      }
      avg = avg + eps;
      if (momentum > 0) {
        momentumBuffer[i] = momentumBuffer[i] * momentum + g / avg;
        params[i] = Math.fma(-lr, momentumBuffer[i], params[i]);
      } else {
        params[i] = params[i] + -lr * g / avg;
      }
    }
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
    Snapshots snapshot =
        Snapshots.of(name()).scalar("lr", lr).scalar("step", step).array("square_avg", squareAvg);
    if (momentum > 0) {
      snapshot.array("momentum_buffer", momentumBuffer);
    }
    if (centered) {
      snapshot.array("grad_avg", gradAvg);
    }
    return snapshot.build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    step = state.scalar("step");
    Snapshots.read(state, "square_avg", squareAvg);
    if (momentum > 0) {
      Snapshots.read(state, "momentum_buffer", momentumBuffer);
    }
    if (centered) {
      Snapshots.read(state, "grad_avg", gradAvg);
    }
  }
}
