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
 */
abstract class BaseOptimizer implements Optimizer {
  private final String name;
  final int size;
  double lr;
  private final Map<String, double[]> buffers = new LinkedHashMap<>();
  private final Map<String, Counter> scalars = new LinkedHashMap<>();

  private record Counter(DoubleSupplier get, DoubleConsumer set) {}

  BaseOptimizer(Settings settings, int size, Option<Double> lr) {
    this.name = settings.owner();
    this.size = size;
    this.lr = settings.get(lr);
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
