package org.symgrad.runtime.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

/**
 * What the schedulers share: the optimizer whose lr they change, torch's {@code last_epoch},
 * and a state declared once by torch's names ({@link #counter}), from which {@link #state()}
 * and {@link #restore} follow.
 */
abstract class BaseScheduler implements LrScheduler {
  final Optimizer optimizer;
  private final String name;
  // torch's constructor makes epoch 0, which leaves the lr as it is; steps count from 1.
  int lastEpoch;
  private final Map<String, Counter> counters = new LinkedHashMap<>();

  BaseScheduler(String name, Optimizer optimizer) {
    this.name = name;
    this.optimizer = SchedulerState.require(optimizer);
    counter("last_epoch", () -> lastEpoch, value -> lastEpoch = (int) value);
  }

  /** A number in the state, saved and restored under torch's name. */
  final void counter(String key, DoubleSupplier get, DoubleConsumer set) {
    counters.put(key, new Counter(get, set));
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Map<String, Double> state() {
    Map<String, Double> state = new LinkedHashMap<>();
    counters.forEach((key, counter) -> state.put(key, counter.get().getAsDouble()));
    return Collections.unmodifiableMap(state);
  }

  @Override
  public final void restore(Map<String, Double> state) {
    counters.forEach((key, counter) -> counter.set().accept(SchedulerState.read(state, name,
        key)));
  }
}
