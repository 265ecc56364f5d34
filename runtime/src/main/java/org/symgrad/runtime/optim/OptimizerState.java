package org.symgrad.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of an optimizer's state ({@code optimizer.state_dict()}): its per-parameter
 * buffers (moments, momentum) and its scalars (step counts, the current learning rate), so a
 * fit can be saved and resumed exactly.
 *
 * @param optimizer the PyTorch class name of the optimizer that took it
 * @param arrays named buffers, each as long as the parameter array (copied)
 * @param scalars named numbers
 */
public record OptimizerState(
    String optimizer, Map<String, double[]> arrays, Map<String, Double> scalars) {

  public OptimizerState {
    Map<String, double[]> copied = new LinkedHashMap<>();
    arrays.forEach((name, values) -> copied.put(name, values.clone()));
    arrays = java.util.Collections.unmodifiableMap(copied);
    scalars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
  }

  /** The buffer of that name, copied. */
  public double[] array(String name) {
    double[] values = arrays.get(name);
    if (values == null) {
      throw new IllegalArgumentException(optimizer + " state has no buffer '" + name + "'");
    }
    return values.clone();
  }

  /** The scalar of that name. */
  public double scalar(String name) {
    Double value = scalars.get(name);
    if (value == null) {
      throw new IllegalArgumentException(optimizer + " state has no value '" + name + "'");
    }
    return value;
  }
}
