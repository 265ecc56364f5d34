package org.symgrad.runtime.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the schedulers share: the optimizer whose lr they change, torch's {@code last_epoch},
 * and a state declared once by torch's names ({@link #counters}), from which {@link #state()}
 * and {@link #restore} follow.
 */
abstract class BaseScheduler implements LrScheduler {
  final Optimizer optimizer;
  private final String name;
  // torch's constructor makes epoch 0, which leaves the lr as it is; steps count from 1.
  int lastEpoch;
  /** The numbers in the state, by torch's names. */
  final Counters counters = new Counters();

  BaseScheduler(String name, Optimizer optimizer) {
    this.name = name;
    this.optimizer = SchedulerState.require(optimizer);
    counters.add("last_epoch", () -> lastEpoch, value -> lastEpoch = (int) value);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Map<String, Double> state() {
    Map<String, Double> state = new LinkedHashMap<>();
    counters.save(state::put);
    return Collections.unmodifiableMap(state);
  }

  @Override
  public final void restore(Map<String, Double> state) {
    counters.restore(key -> SchedulerState.read(state, name, key));
  }
}
