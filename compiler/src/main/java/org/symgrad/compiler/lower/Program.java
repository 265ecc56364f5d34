package org.symgrad.compiler.lower;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.ModelInfo;

/**
 * A model lowered to the kernel IR: one {@link Kernel} per method of {@code CompiledModel},
 * and what the emitters need to describe it. Both emitters translate exactly this, in this
 * order.
 *
 * @param info the model's names, shapes and texts
 * @param source where the model came from ({@code thermometer.sg})
 * @param derivatives for each parameter, its simplified per-row derivative as text
 * @param sums {@code ChunkedKernels.sums}, or null when the model is not chunked (its fused
 *     kernel is split into helpers)
 * @param finish {@code ChunkedKernels.finish}, null exactly when {@code sums} is
 * @param sumCount {@code ChunkedKernels.sumCount()}: the loss sum and one per parameter
 * @param lossSums {@code ChunkedKernels.lossSums}, {@code sums} with the loss sum alone; null
 *     when the program is not chunked, or when its loss reads more than the loss sum ({@link
 *     RowSums}): the runtime's default then runs {@code sums}
 */
public record Program(
    ModelInfo info,
    String source,
    Kernel predict,
    Kernel loss,
    Kernel lossAndGradient,
    Map<String, String> derivatives,
    @Nullable Kernel sums,
    @Nullable Kernel finish,
    int sumCount,
    @Nullable Kernel lossSums) {

  public Program {
    if ((sums == null) != (finish == null)) {
      throw new IllegalArgumentException("sums and finish come together");
    }
    if (lossSums != null && sums == null) {
      throw new IllegalArgumentException("lossSums comes with sums and finish");
    }
    derivatives = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derivatives));
  }

  /** A program whose chunked kernels, if any, have no loss-only pass. */
  public Program(ModelInfo info, String source, Kernel predict, Kernel loss,
      Kernel lossAndGradient, Map<String, String> derivatives, @Nullable Kernel sums,
      @Nullable Kernel finish, int sumCount) {
    this(info, source, predict, loss, lossAndGradient, derivatives, sums, finish, sumCount,
        null);
  }

  /** A program without {@code ChunkedKernels}. */
  public Program(ModelInfo info, String source, Kernel predict, Kernel loss,
      Kernel lossAndGradient, Map<String, String> derivatives) {
    this(info, source, predict, loss, lossAndGradient, derivatives, null, null, 0, null);
  }

  /** The kernels in the order both emitters write them. */
  public List<Kernel> kernels() {
    if (!isChunked()) {
      return List.of(predict, loss, lossAndGradient);
    }
    return lossSums == null ? List.of(predict, loss, lossAndGradient, sums, finish)
        : List.of(predict, loss, lossAndGradient, sums, finish, lossSums);
  }

  /** Whether the compiled model implements {@code ChunkedKernels}. */
  public boolean isChunked() {
    return sums != null;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    kernels().forEach(kernel -> text.append(kernel));
    return text.toString();
  }
}
