package org.symgrad.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a compiled model was compiled from: its texts, its parameters and the data columns it
 * reads.
 *
 * @param name the model's name (the {@code .sg} file's base name, or the annotated type's)
 * @param modelText the model expression as written
 * @param lossText the loss as written
 * @param parameters the parameters in the order of the flat parameter array
 * @param inputColumns the data columns the model reads, in kernel order
 * @param target the target column
 * @param outputs the number of outputs per row (1 for a scalar model)
 */
public record ModelInfo(
    String name,
    String modelText,
    String lossText,
    List<ParameterInfo> parameters,
    List<String> inputColumns,
    String target,
    int outputs) {

  public ModelInfo {
    parameters = List.copyOf(parameters);
    inputColumns = List.copyOf(inputColumns);
    int expectedOffset = 0;
    for (ParameterInfo p : parameters) {
      if (p.offset() != expectedOffset) {
        throw new IllegalArgumentException(
            "parameter " + p.name() + " at offset " + p.offset() + ", expected " + expectedOffset);
      }
      expectedOffset += p.size();
    }
  }

  /** The length of the flat parameter array. */
  public int parameterCount() {
    int count = 0; // a loop, not a stream: every fit asks, and a stream costs a microsecond
    for (ParameterInfo parameter : parameters) {
      count += parameter.size();
    }
    return count;
  }

  /** The parameters' declared names, in order: {@code [w, b]}, {@code [W, v]} for arrays. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>(parameters.size());
    for (ParameterInfo parameter : parameters) {
      names.add(parameter.name());
    }
    return List.copyOf(names);
  }

  /** The parameter of that name. */
  public ParameterInfo parameter(String name) {
    return parameters.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "no parameter '" + name + "'; the model has " + String.join(", ", parameterNames())));
  }

  /** The parameters' initial values, drawn from a generator seeded with {@code seed}. */
  public double[] initialParameters(long seed) {
    Random random = new Random(seed);
    double[] values = new double[parameterCount()];
    for (ParameterInfo p : parameters) {
      p.initializer().fill(values, p.offset(), p.size(), random);
    }
    return values;
  }
}
