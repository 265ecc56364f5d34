package org.symgrad.runtime.parallel;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.runtime.Batch;

/**
 * Chunked sums give the same bits for every thread count, and the one-loop kernel's bits when
 * the batch is one chunk. The kernels are the thermometer's MSE written by hand in the shape
 * the compiler's SUMS and FINISH kernels will have.
 */
class ParallelObjectiveTest {
  private static final double[] PARAMS = {5.3, -17.1};

  @ParameterizedTest
  @ValueSource(ints = {2, 7})
  void anyThreadCountGivesTheBitsOfOneThread(int threads) {
    Batch batch = data(100_000, 1);
    Result one = run(batch, 1);
    Result many = run(batch, threads);
    assertThat(many.lossBits).isEqualTo(one.lossBits);
    assertThat(many.gradBits).isEqualTo(one.gradBits);
  }

  @Test
  void repeatedCallsGiveTheSameBits() {
    Batch batch = data(100_000, 2);
    ParallelObjective objective = new ParallelObjective(new Thermometer(), 3);
    double[] first = new double[2];
    double[] again = new double[2];
    double loss = objective.lossAndGradient(PARAMS, batch, first);
    for (int i = 0; i < 5; i++) {
      assertThat(objective.lossAndGradient(PARAMS, batch, again)).isEqualTo(loss);
      assertThat(again).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 11, 4095, 4096})
  void oneChunkIsTheOneLoopKernelBitForBit(int rows) {
    Batch batch = data(rows, 3);
    double[] grad = new double[2];
    double loss = Thermometer.oneLoop(PARAMS, batch, grad);
    for (int threads : new int[] {1, 2}) {
      Result chunked = run(batch, threads);
      assertThat(chunked.lossBits).isEqualTo(Double.doubleToLongBits(loss));
      assertThat(chunked.gradBits).isEqualTo(bits(grad));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void theLossAloneHasTheBitsOfTheFusedPassOnOneThread(int threads) {
    // 100 003 rows: 25 chunks, the last one short, so the chunk order shows in the rounding.
    Batch batch = data(100_003, 9);
    ParallelObjective objective = new ParallelObjective(new Thermometer(), threads);
    for (int call = 0; call < 3; call++) {
      assertThat(Double.doubleToLongBits(objective.loss(PARAMS, batch)))
          .isEqualTo(run(batch, 1).lossBits);
    }
  }

  @Test
  void theLossAloneLeavesALaterGradientAlone() {
    Batch batch = data(30_000, 10);
    ParallelObjective objective = new ParallelObjective(new Thermometer(), 2);
    double[] grad = new double[2];
    objective.lossAndGradient(PARAMS, batch, grad);
    double[] before = grad.clone();
    objective.loss(new double[] {1.0, 0.0}, data(9_000, 11));
    assertThat(grad).isEqualTo(before);
    assertThat(bits(grad)).isEqualTo(run(batch, 1).gradBits);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void theLossAloneRunsTheLossOnlyKernelOnEveryChunkAndNeverTheGradientOne(int threads) {
    // 100 003 rows: 25 chunks, the last short; between gradient passes, whose partial
    // gradient sums the loss-only pass leaves in place.
    Batch batch = data(100_003, 13);
    LossOnly kernels = new LossOnly();
    ParallelObjective objective = new ParallelObjective(kernels, threads);
    Result expected = run(batch, 1);
    for (int call = 0; call < 3; call++) {
      double[] grad = new double[2];
      assertThat(Double.doubleToLongBits(objective.lossAndGradient(PARAMS, batch, grad)))
          .isEqualTo(expected.lossBits);
      assertThat(bits(grad)).isEqualTo(expected.gradBits);
      int gradientChunks = kernels.sumsCalls.get();
      assertThat(Double.doubleToLongBits(objective.loss(PARAMS, batch)))
          .isEqualTo(expected.lossBits);
      assertThat(kernels.sumsCalls.get()).isEqualTo(gradientChunks);
    }
    assertThat(kernels.lossSumsCalls.get()).isEqualTo(3 * 25);
    assertThat(kernels.sumsCalls.get()).isEqualTo(3 * 25);
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 4096})
  void theLossAloneOfOneChunkIsTheOneLoopKernels(int rows) {
    Batch batch = data(rows, 12);
    double loss = Thermometer.oneLoop(PARAMS, batch, new double[2]);
    assertThat(Double.doubleToLongBits(new ParallelObjective(new Thermometer(), 2)
        .loss(PARAMS, batch))).isEqualTo(Double.doubleToLongBits(loss));
  }

  @Test
  void manyChunksAgreeWithTheOneLoopKernelToRounding() {
    Batch batch = data(100_003, 4);
    double[] grad = new double[2];
    double loss = Thermometer.oneLoop(PARAMS, batch, grad);
    Result chunked = run(batch, 2);
    assertThat(Double.longBitsToDouble(chunked.lossBits)).isWithin(1e-12 * loss).of(loss);
    for (int i = 0; i < 2; i++) {
      double g = Double.longBitsToDouble(chunked.gradBits[i]);
      assertThat(g).isWithin(1e-9 * Math.abs(grad[i])).of(grad[i]);
    }
  }

  @Test
  void aFailingChunkFailsTheCallOnTheCallersThreadAndOnlyThatCall() {
    // 10 000 rows: chunk 1 (rows 4096…) fails once, on whichever thread claims it.
    AtomicBoolean failed = new AtomicBoolean();
    ChunkedKernels failingOnce = new Thermometer() {
      @Override
      public void sums(double[] params, Batch batch, int from, int to, double[] sums) {
        if (from == ParallelObjective.CHUNK_ROWS && failed.compareAndSet(false, true)) {
          throw new ArithmeticException("chunk at " + from);
        }
        super.sums(params, batch, from, to, sums);
      }
    };
    Batch batch = data(10_000, 5);
    ParallelObjective objective = new ParallelObjective(failingOnce, 2);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> objective.lossAndGradient(PARAMS, batch, new double[2]));
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("chunk at 4096");

    double[] grad = new double[2];
    double loss = objective.lossAndGradient(PARAMS, batch, grad);
    Result expected = run(batch, 1);
    assertThat(Double.doubleToLongBits(loss)).isEqualTo(expected.lossBits);
    assertThat(bits(grad)).isEqualTo(expected.gradBits);
  }

  @Test
  void objectivesOnSeveralThreadsAtOnceShareTheWorkersAndKeepTheirBits() throws Exception {
    // Calls of different sizes back to back, from 4 fits at once: a helper that wakes late
    // for one call must never sum a chunk of the next.
    Batch[] batches = {data(9_000, 6), data(30_000, 7), data(5_000, 8)};
    Result[] expected = new Result[batches.length];
    for (int b = 0; b < batches.length; b++) {
      expected[b] = run(batches[b], 1);
    }
    ExecutorService fits = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int f = 0; f < 4; f++) {
        int threads = 2 + f;
        running.add(fits.submit(() -> {
          ParallelObjective objective = new ParallelObjective(new Thermometer(), threads);
          double[] grad = new double[2];
          for (int call = 0; call < 60; call++) {
            int b = call % batches.length;
            double loss = objective.lossAndGradient(PARAMS, batches[b], grad);
            assertThat(Double.doubleToLongBits(loss)).isEqualTo(expected[b].lossBits);
            assertThat(bits(grad)).isEqualTo(expected[b].gradBits);
          }
          return null;
        }));
      }
      for (Future<?> fit : running) {
        fit.get();
      }
    } finally {
      fits.shutdown();
    }
    assertThat(ChunkWorkers.SHARED.started()).isAtMost(6);
  }

  @Test
  void threadsMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ParallelObjective(new Thermometer(), 0));
    assertThat(e).hasMessageThat().isEqualTo("threads 0: must be at least 1");
  }

  private record Result(long lossBits, long[] gradBits) {}

  private static Result run(Batch batch, int threads) {
    ParallelObjective objective = new ParallelObjective(new Thermometer(), threads);
    double[] grad = new double[2];
    double loss = objective.lossAndGradient(PARAMS, batch, grad);
    return new Result(Double.doubleToLongBits(loss), bits(grad));
  }

  // Readings like the thermometer's, t_u in [20, 90), so sums grow large and rounding shows.
  private static Batch data(int rows, long seed) {
    Random random = new Random(seed);
    double[] tu = new double[rows];
    double[] tc = new double[rows];
    for (int r = 0; r < rows; r++) {
      tu[r] = 20 + 70 * random.nextDouble();
      tc[r] = 5.0 / 9 * (tu[r] - 32) + random.nextGaussian();
    }
    return Batch.of(new double[][] {tu, tc}, rows);
  }

  private static long[] bits(double[] values) {
    long[] result = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = Double.doubleToLongBits(values[i]);
    }
    return result;
  }

  /** w * (0.1 * t_u) + b with MSE, as the compiler lowers it: sums of r², r·x, r; 2 after. */
  static class Thermometer implements ChunkedKernels {
    @Override
    public int sumCount() {
      return 3;
    }

    @Override
    public void sums(double[] params, Batch batch, int from, int to, double[] sums) {
      double[] tu = batch.column(0);
      double[] tc = batch.column(1);
      double s0 = 0.0;
      double s1 = 0.0;
      double s2 = 0.0;
      for (int row = from; row < to; row++) {
        double x = 0.1 * tu[row];
        double r = params[0] * x + params[1] - tc[row];
        s0 += r * r;
        s1 += r * x;
        s2 += r;
      }
      sums[0] = s0;
      sums[1] = s1;
      sums[2] = s2;
    }

    @Override
    public double finish(double[] params, double[] sums, int rows, double[] grad) {
      grad[0] = 2.0 * sums[1] / rows;
      grad[1] = 2.0 * sums[2] / rows;
      return sums[0] / rows;
    }

    static double oneLoop(double[] params, Batch batch, double[] grad) {
      Thermometer t = new Thermometer();
      double[] sums = new double[3];
      t.sums(params, batch, 0, batch.size(), sums);
      return t.finish(params, sums, batch.size(), grad);
    }
  }

  /**
   * The thermometer with its loss-only pass, as a compiled model has it: the loss sum alone,
   * added as {@code sums} adds it, into {@code sums[0]} only; and counts of both passes' calls.
   */
  static final class LossOnly extends Thermometer {
    final AtomicInteger sumsCalls = new AtomicInteger();
    final AtomicInteger lossSumsCalls = new AtomicInteger();

    @Override
    public void sums(double[] params, Batch batch, int from, int to, double[] sums) {
      sumsCalls.incrementAndGet();
      super.sums(params, batch, from, to, sums);
    }

    @Override
    public void lossSums(double[] params, Batch batch, int from, int to, double[] sums) {
      lossSumsCalls.incrementAndGet();
      double[] tu = batch.column(0);
      double[] tc = batch.column(1);
      double s0 = 0.0;
      for (int row = from; row < to; row++) {
        double r = params[0] * (0.1 * tu[row]) + params[1] - tc[row];
        s0 += r * r;
      }
      sums[0] = s0;
    }
  }
}
