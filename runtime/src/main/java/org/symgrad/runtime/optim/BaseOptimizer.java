package org.symgrad.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every optimizer here shares: its name, size and learning rate, the size check of each
 * step, and its state: each optimizer declares its buffers ({@link #buffer}) and counters
 * ({@link #counters}) once, by torch's state names, and {@link #state()} and {@link #restore}
 * follow from the declarations.
 *
 * <p>The hyper-parameters most of torch's optimizers share ({@code betas}, {@code eps}, {@code
 * weight_decay}, {@code maximize}) are read here, by torch's names, from the owner's declared
 * options; an owner without one gets the value that leaves the update as it is.
 */
abstract class BaseOptimizer implements Optimizer {
  private final String name;
  final int size;
  double lr;
  final double beta1;
  final double beta2;
  final double eps;
  final double weightDecay;
  final boolean maximize;
  /** torch's {@code state['step']}, for the optimizers that count steps. */
  double step;
  private final Map<String, double[]> buffers = new LinkedHashMap<>();
  /** The numbers in the state (torch's {@code step}, ASGD's {@code eta}, …), by torch's names. */
  final Counters counters = new Counters();
  private final boolean countsSteps;

  /** @param countsSteps whether torch keeps {@code step} in this optimizer's state */
  BaseOptimizer(Settings settings, int size, Option<Double> lr, boolean countsSteps) {
    this.name = settings.owner();
    this.size = size;
    this.lr = settings.get(lr);
    Pair betas = settings.valueOr(Option.BETAS, new Pair(Double.NaN, Double.NaN));
    this.beta1 = betas.first();
    this.beta2 = betas.second();
    this.eps = settings.valueOr(Option.EPS, 0.0);
    this.weightDecay = settings.valueOr(Option.WEIGHT_DECAY, 0.0);
    this.maximize = settings.valueOr(Option.MAXIMIZE, false);
    this.countsSteps = countsSteps;
    if (countsSteps) {
      counters.add("step", () -> step, value -> step = value);
    }
  }

  /**
   * Coordinate {@code i} of the gradient torch's update starts from: negated to maximize, with
   * the L2 penalty's gradient added ({@code g = g + weight_decay * p}, one rounding).
   */
  final double gradient(double[] params, double[] grad, int i) {
    double g = maximize ? -grad[i] : grad[i];
    if (weightDecay != 0) {
      g = Math.fma(weightDecay, params[i], g);
    }
    return g;
  }

  /**
   * torch's running average {@code avg.mul_(decay).add_(value, alpha=1 - decay)}, in its
   * rounding: the new average of {@code value} into {@code avg}.
   */
  static double average(double decay, double avg, double value) {
    return Math.fma(1 - decay, value, avg * decay);
  }

  /**
   * torch's running average of a square, {@code avg.mul_(decay).addcmul_(value, value,
   * value=1 - decay)}, in its rounding.
   */
  static double squareAverage(double decay, double avg, double value) {
    return Math.fma((1 - decay) * value, value, avg * decay);
  }

  /** A state buffer as long as the parameters, saved and restored under torch's name. */
  final double[] buffer(String stateName) {
    double[] buffer = new double[size];
    buffers.put(stateName, buffer);
    return buffer;
  }

  /** {@link #buffer} when the options make torch keep it; else an empty array, not saved. */
  final double[] bufferIf(boolean kept, String stateName) {
    return kept ? buffer(stateName) : new double[0];
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name, size, params, grad);
    if (countsSteps) {
      step += 1;
    }
    update(params, loss, grad, objective);
  }

  /** The step itself, on arrays of the right size; {@link #step} already counts it. */
  abstract void update(double[] params, double loss, double[] grad, Objective objective);

  @Override
  public final double learningRate() {
    return lr;
  }

  @Override
  public final void setLearningRate(double lr) {
    this.lr = Check.learningRate(lr);
  }

  @Override
  public final OptimizerState state() {
    Snapshots snapshot = Snapshots.of(name).scalar("lr", lr);
    counters.save(snapshot::scalar);
    buffers.forEach(snapshot::array);
    saveMore(snapshot);
    return snapshot.build();
  }

  @Override
  public final void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name, size);
    lr = state.scalar("lr");
    counters.restore(state::scalar);
    buffers.forEach((key, buffer) -> Snapshots.read(state, key, buffer));
    restoreMore(state);
  }

  /** State that torch keeps only sometimes (a momentum buffer after the first step). */
  void saveMore(Snapshots snapshot) {}

  void restoreMore(OptimizerState state) {}
}
