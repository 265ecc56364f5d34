package org.symgrad.runtime.optim;

import java.util.Map;

/** Reads a scheduler's saved counters, refusing a snapshot that lacks one. */
final class SchedulerState {
  private SchedulerState() {}

  static double read(Map<String, Double> state, String scheduler, String key) {
    Double value = state.get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          scheduler + " state has no value '" + key + "'; it was taken from another scheduler");
    }
    return value;
  }

  static Optimizer require(Optimizer optimizer) {
    if (optimizer == null) {
      throw new IllegalArgumentException("a scheduler needs the optimizer whose lr it changes");
    }
    return optimizer;
  }
}
