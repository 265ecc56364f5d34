package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.RacingCalls;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * A model's deferred kernels (chunked passes, and passes over {@code Kernel.SHORT} rows or
 * more) are a class of their own, defined at the first call of one: once, however many threads
 * race to it, and not at all by a fit that never calls them, such as any fit of the
 * thermometer's 11 rows; the model answers the same either way.
 */
class LazyKernelsTest {
  private static final Batch BATCH = Batch.of(
      new double[][] {HandBuiltModels.T_U, HandBuiltModels.T_C}, HandBuiltModels.T_U.length);

  @Test
  void racingFirstCallsDefineTheKernelsOnce() throws Exception {
    AtomicInteger definitions = new AtomicInteger();
    LazyKernels chunks = new LazyKernels(() -> {
      definitions.incrementAndGet();
      return new Stub();
    });
    List<DeferredKernels> got = RacingCalls.fromThreads(8, chunks::get);
    for (DeferredKernels each : got) {
      assertThat(each).isSameInstanceAs(got.get(0));
    }
    assertThat(definitions.get()).isEqualTo(1);
  }

  @Test
  void aModelIsChunkedBeforeItsDeferredClassExists() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());

    assertThat(model).isInstanceOf(ChunkedKernels.class);
    assertThat(((ChunkedKernels) model).sumCount()).isEqualTo(3);
    assertThat(model.lossAndGradient(new double[] {1, 0}, BATCH, new double[2])).isFinite();
    assertThat(deferredOf(model)).isNull();
    assertThat(model.loss(new double[] {1, 0}, BATCH))
        .isEqualTo(model.lossAndGradient(new double[] {1, 0}, BATCH, new double[2]));
    assertThat(deferredOf(model)).isNull(); // a short pass, with or without gradient
    Batch longer = Batch.of(new double[][] {repeat(HandBuiltModels.T_U, 3),
        repeat(HandBuiltModels.T_C, 3)}, 3 * HandBuiltModels.T_U.length);
    assertThat(model.loss(new double[] {1, 0}, longer))
        .isEqualTo(model.lossAndGradient(new double[] {1, 0}, longer, new double[2]));
    assertThat(deferredOf(model)).isNotNull();
  }

  @Test
  void aLongPassDefinesTheDeferredClassAndAddsInLanes() {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    Batch longer = Batch.of(new double[][] {repeat(HandBuiltModels.T_U, 3),
        repeat(HandBuiltModels.T_C, 3)}, 3 * HandBuiltModels.T_U.length);
    double[] sums = new double[3];
    ((ChunkedKernels) model).sums(new double[] {1, 0}, longer, 0, longer.size(), sums);
    double[] grad = new double[2];
    double[] chunkedGrad = new double[2];

    assertThat(model.lossAndGradient(new double[] {1, 0}, longer, grad))
        .isEqualTo(((ChunkedKernels) model).finish(new double[] {1, 0}, sums, longer.size(),
            chunkedGrad));
    assertThat(grad).isEqualTo(chunkedGrad);
    assertThat(deferredOf(model)).isNotNull();
  }

  private static double[] repeat(double[] values, int times) {
    double[] repeated = new double[values.length * times];
    for (int i = 0; i < repeated.length; i++) {
      repeated[i] = values[i % values.length];
    }
    return repeated;
  }

  // The kernels the model's LazyKernels holds, null until defined.
  private static Object deferredOf(CompiledModel model) {
    try {
      var field = model.getClass().getDeclaredField(DeferredCalls.FIELD);
      field.setAccessible(true);
      LazyKernels later = (LazyKernels) field.get(model);
      var kernels = LazyKernels.class.getDeclaredField("kernels");
      kernels.setAccessible(true);
      return kernels.get(later);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  // Kernels that are never run: the test counts definitions, not results.
  private static final class Stub implements DeferredKernels {
    @Override
    public double loss(double[] params, Batch batch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double lossAndGradient(double[] params, Batch batch, double[] grad) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int sumCount() {
      return 0;
    }

    @Override
    public void sums(double[] params, Batch batch, int from, int to, double[] sums) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double finish(double[] params, double[] sums, int rows, double[] grad) {
      throw new UnsupportedOperationException();
    }
  }
}
