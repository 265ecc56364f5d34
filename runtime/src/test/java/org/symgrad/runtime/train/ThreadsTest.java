package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * {@link TrainerOptions.Builder#threads}: any thread count set, 1 included, gives the same
 * fit to the bit at any size; unset, the one fused loop; and fits leave no threads behind.
 */
class ThreadsTest {
  // 5 chunks of training rows after the 20 % validation split: rounding differs by chunking.
  private static final int ROWS = 25_000;

  @Test
  void oneTwoAndSevenThreadsFitTheSameBitsOverManyChunks() {
    Dataset data = TestData.line(ROWS);
    TrainingResult one = fit(new ChunkedLinearModel(), data, options().threads(1));
    for (int threads : new int[] {2, 7}) {
      TrainingResult many = fit(new ChunkedLinearModel(), data, options().threads(threads));
      assertSameBits(many, one);
    }
  }

  @Test
  void theChunkedFitIsNotTheOneLoopFitOverManyChunks() {
    // What makes the test above mean something: chunking changes the rounding here.
    Dataset data = TestData.line(ROWS);
    TrainingResult chunked = fit(new ChunkedLinearModel(), data, options().threads(1));
    TrainingResult oneLoop = fit(new ChunkedLinearModel(), data, options());
    assertThat(bits(chunked.history().trainLosses()))
        .isNotEqualTo(bits(oneLoop.history().trainLosses()));
    assertThat(chunked.params()[0]).isWithin(1e-9).of(oneLoop.params()[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void theValidationPassRunsInTheSameChunksAsTheTrainingPass(int threads) {
    // 10 000 validation rows: 3 chunks, so a chunked validation loss rounds differently.
    Dataset data = TestData.line(ROWS);
    ChunkedLinearModel model = new ChunkedLinearModel();
    TrainerOptions options = options().threads(threads).validationFraction(0.4).build();
    TrainingResult fit = new Trainer(options).fit(model, data, new double[] {0.5, 0.0},
        new MomentumSgd(0.05, 0.9, 2));
    Batch validation = Split.of(data, model.info(), 0.4, options.seed()).validation();

    double[] losses = fit.history().valLosses();
    double last = losses[losses.length - 1]; // at the returned parameters: no early stopping
    double chunked = new ParallelObjective(model, 1).loss(fit.params(), validation);
    assertThat(Double.doubleToRawLongBits(last)).isEqualTo(Double.doubleToRawLongBits(chunked));
    // What makes the line above mean something: the one loop rounds otherwise here.
    assertThat(Double.doubleToRawLongBits(last))
        .isNotEqualTo(Double.doubleToRawLongBits(model.loss(fit.params(), validation)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void theFinalLossesAreSummedInTheSameChunksAsTheEpochs(int threads) {
    // 15 000 training and 10 000 validation rows: 4 and 3 chunks.
    Dataset data = TestData.line(ROWS);
    ChunkedLinearModel model = new ChunkedLinearModel();
    TrainerOptions options = options().threads(threads).validationFraction(0.4).build();
    TrainingResult fit = new Trainer(options).fit(model, data, new double[] {0.5, 0.0},
        new MomentumSgd(0.05, 0.9, 2));
    Split split = Split.of(data, model.info(), 0.4, options.seed());
    ParallelObjective oneThread = new ParallelObjective(model, 1);

    double train = oneThread.loss(fit.params(), split.train());
    double validation = oneThread.loss(fit.params(), split.validation());
    assertThat(Double.doubleToRawLongBits(fit.trainLoss()))
        .isEqualTo(Double.doubleToRawLongBits(train));
    assertThat(Double.doubleToRawLongBits(fit.valLoss()))
        .isEqualTo(Double.doubleToRawLongBits(validation));
    double[] history = fit.history().valLosses(); // no early stopping: the same parameters
    assertThat(Double.doubleToRawLongBits(fit.valLoss()))
        .isEqualTo(Double.doubleToRawLongBits(history[history.length - 1]));
    // What makes the lines above mean something: the one loop rounds otherwise here.
    assertThat(Double.doubleToRawLongBits(fit.trainLoss()))
        .isNotEqualTo(Double.doubleToRawLongBits(model.loss(fit.params(), split.train())));
    assertThat(Double.doubleToRawLongBits(fit.valLoss()))
        .isNotEqualTo(Double.doubleToRawLongBits(model.loss(fit.params(), split.validation())));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void withOneChunkAnyThreadCountIsTheOneLoopFit(int threads) {
    Dataset data = TestData.line(4000);
    assertSameBits(fit(new ChunkedLinearModel(), data, options().threads(threads)),
        fit(new ChunkedLinearModel(), data, options()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void aModelWithoutChunkedKernelsRunsItsOneLoopWhateverTheCount(int threads) {
    Dataset data = TestData.line(ROWS);
    assertSameBits(fit(LinearModel.xy(), data, options().threads(threads)),
        fit(LinearModel.xy(), data, options()));
  }

  @Test
  void noisyMiniBatchesAreTheSameBitsOnOneAndSevenThreads() {
    Dataset data = TestData.line(ROWS);
    TrainerOptions.Builder mini = options().batchSize(9000).inputNoise(0.01);
    assertSameBits(fit(new ChunkedLinearModel(), data, mini.threads(7)),
        fit(new ChunkedLinearModel(), data, mini.threads(1)));
  }

  @Test
  void fitsLeaveNoThreadsBehind() {
    Dataset data = TestData.line(ROWS);
    fit(new ChunkedLinearModel(), data, options().threads(7).epochs(2));
    List<Thread> before = chunkThreads();
    for (int i = 0; i < 20; i++) {
      fit(new ChunkedLinearModel(), data, options().threads(2 + i % 6).epochs(2));
    }
    List<Thread> after = chunkThreads();
    // The shared workers only: as many as the largest count needs, the same threads again.
    assertThat(after.size()).isAtMost(6);
    assertThat(after).containsExactlyElementsIn(before);
    for (Thread worker : after) {
      assertThat(worker.isDaemon()).isTrue();
    }
  }

  private static TrainerOptions.Builder options() {
    return TrainerOptions.builder().epochs(40).seed(3);
  }

  private static TrainingResult fit(
      CompiledModel model, Dataset data, TrainerOptions.Builder options) {
    return new Trainer(options.build()).fit(model, data, new double[] {0.5, 0.0},
        new MomentumSgd(0.05, 0.9, 2));
  }

  private static void assertSameBits(TrainingResult actual, TrainingResult expected) {
    assertThat(bits(actual.params())).isEqualTo(bits(expected.params()));
    assertThat(bits(actual.history().trainLosses()))
        .isEqualTo(bits(expected.history().trainLosses()));
    assertThat(bits(actual.history().valLosses()))
        .isEqualTo(bits(expected.history().valLosses()));
    assertThat(Double.doubleToRawLongBits(actual.trainLoss()))
        .isEqualTo(Double.doubleToRawLongBits(expected.trainLoss()));
  }

  private static List<Thread> chunkThreads() {
    List<Thread> threads = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("symgrad-chunks-") && thread.isAlive()) {
        threads.add(thread);
      }
    }
    return threads;
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
