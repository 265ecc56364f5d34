package org.symgrad.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds and reads {@link OptimizerState}s, keeping names in a stable order for saved files. */
final class Snapshots {
  private final String optimizer;
  private final Map<String, double[]> arrays = new LinkedHashMap<>();
  private final Map<String, Double> scalars = new LinkedHashMap<>();

  private Snapshots(String optimizer) {
    this.optimizer = optimizer;
  }

  static Snapshots of(String optimizer) {
    return new Snapshots(optimizer);
  }

  Snapshots array(String name, double[] values) {
    arrays.put(name, values);
    return this;
  }

  Snapshots scalar(String name, double value) {
    scalars.put(name, value);
    return this;
  }

  OptimizerState build() {
    return new OptimizerState(optimizer, arrays, scalars);
  }

  /** Refuses a snapshot of another optimizer or of a parameter array of another length. */
  static void requireFrom(OptimizerState state, String optimizer, int size) {
    if (!state.optimizer().equals(optimizer)) {
      throw new IllegalArgumentException(
          "cannot restore " + optimizer + " from the state of " + state.optimizer());
    }
    state
        .arrays()
        .forEach(
            (name, values) -> {
              if (values.length != size) {
                throw new IllegalArgumentException(
                    optimizer
                        + " state buffer '"
                        + name
                        + "' holds "
                        + values.length
                        + " values, this optimizer has "
                        + size
                        + " parameters");
              }
            });
  }

  /** Copies the named buffer into {@code into}, which keeps its identity (it is preallocated). */
  static void read(OptimizerState state, String name, double[] into) {
    System.arraycopy(state.array(name), 0, into, 0, into.length);
  }
}
