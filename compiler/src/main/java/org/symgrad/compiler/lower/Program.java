package org.symgrad.compiler.lower;

import java.util.List;
import java.util.Map;
import org.symgrad.runtime.ModelInfo;

/**
 * A model lowered to the kernel IR: one {@link Kernel} per method of {@code CompiledModel},
 * and what the emitters need to describe it. Both emitters translate exactly this, in this
 * order.
 *
 * @param info the model's names, shapes and texts
 * @param source where the model came from ({@code thermometer.sg})
 * @param derivatives for each parameter, its simplified per-row derivative as text
 */
public record Program(
    ModelInfo info,
    String source,
    Kernel predict,
    Kernel loss,
    Kernel lossAndGradient,
    Map<String, String> derivatives) {

  public Program {
    derivatives = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derivatives));
  }

  /** The kernels in the order both emitters write them. */
  public List<Kernel> kernels() {
    return List.of(predict, loss, lossAndGradient);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    kernels().forEach(kernel -> text.append(kernel));
    return text.toString();
  }
}
