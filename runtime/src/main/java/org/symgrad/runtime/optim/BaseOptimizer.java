package org.symgrad.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

/**
 * What every optimizer here shares: its name, size and learning rate, the size check of each
 * step, and its state: each optimizer declares its buffers ({@link #buffer}) and counters
 * ({@link #scalar}) once, by torch's state names, and {@link #state()} and {@link #restore}
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
  private final Map<String, Counter> scalars = new LinkedHashMap<>();

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
    if (countsSteps) {
      scalar("step", () -> step, value -> step = value);
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

  /** A number in the state, saved and restored under torch's name through these two. */
  final void scalar(String stateName, DoubleSupplier get, DoubleConsumer set) {
    scalars.put(stateName, new Counter(get, set));
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void step(double[] params, double loss, double[] grad, Objective objective) {
    Check.sizes(name, size, params, grad);
    update(params, loss, grad, objective);
  }

  /** The step itself, on arrays of the right size. */
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
    scalars.forEach((key, counter) -> snapshot.scalar(key, counter.get().getAsDouble()));
    buffers.forEach(snapshot::array);
    saveMore(snapshot);
    return snapshot.build();
  }

  @Override
  public final void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name, size);
    lr = state.scalar("lr");
    scalars.forEach((key, counter) -> counter.set().accept(state.scalar(key)));
    buffers.forEach((key, buffer) -> Snapshots.read(state, key, buffer));
    restoreMore(state);
  }

  /** State that torch keeps only sometimes (a momentum buffer after the first step). */
  void saveMore(Snapshots snapshot) {}

  void restoreMore(OptimizerState state) {}
}
