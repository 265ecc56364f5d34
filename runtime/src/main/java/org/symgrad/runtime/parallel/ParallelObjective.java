package org.symgrad.runtime.parallel;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.Batch;

/**
 * The fused pass over chunks of rows on several threads, with the same bits whatever the
 * thread count.
 *
 * <p>Why the bits cannot depend on threads: the batch is cut into chunks of {@link
 * #CHUNK_ROWS} rows, a constant, never a function of the thread count; each chunk's raw sums go
 * to that chunk's own buffer, and the totals are {@code 0 + p0 + p1 + …} in chunk order, after
 * every chunk is done. Which thread summed a chunk, and when, changes nothing; one thread runs
 * the same chunks and adds them in the same order. With at most {@code CHUNK_ROWS} rows there
 * is one chunk, and {@code 0 + p0 = p0} (sums start at +0, so never -0): the result is the
 * one-loop fused kernel's, bit for bit.
 *
 * <p>Chunk {@code c} goes to thread {@code c mod threads}; the caller's thread is thread 0, and
 * {@code threads - 1} daemon workers wait on a barrier between calls. Buffers are allocated when
 * a batch needs more chunks than any before, so repeated calls allocate nothing but the
 * barrier's small per-trip object. Not for concurrent use: one caller at a time (a fit); {@link
 * #close} stops the workers.
 */
public final class ParallelObjective implements AutoCloseable {
  /** Rows per chunk: a multiple of 8, so that 8-lane vector sums fit whole chunks. */
  public static final int CHUNK_ROWS = 4096;

  private final ChunkedKernels kernels;
  private final int threads;
  private final double[] totals;
  private final CyclicBarrier start;
  private final CyclicBarrier done;
  private final Thread[] workers;
  private double[][] partials = new double[0][];
  // What the current call's chunks read; written before the start barrier, read after it.
  private double @Nullable [] params;
  private @Nullable Batch batch;
  private volatile boolean closed;
  private volatile @Nullable Throwable failure;

  public ParallelObjective(ChunkedKernels kernels, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + ": must be at least 1");
    }
    this.kernels = kernels;
    this.threads = threads;
    this.totals = new double[kernels.sumCount()];
    this.start = new CyclicBarrier(threads);
    this.done = new CyclicBarrier(threads);
    this.workers = new Thread[threads - 1];
    for (int w = 1; w < threads; w++) {
      int worker = w;
      workers[w - 1] = new Thread(() -> work(worker), "symgrad-chunks-" + w);
      workers[w - 1].setDaemon(true);
      workers[w - 1].start();
    }
  }

  /** The thread count. */
  public int threads() {
    return threads;
  }

  /** The objective over {@code batch}, gradient to {@code grad}: the fused pass, chunked. */
  public double lossAndGradient(double[] params, Batch batch, double[] grad) {
    int rows = batch.size();
    int chunks = Math.max(1, (rows + CHUNK_ROWS - 1) / CHUNK_ROWS);
    if (partials.length < chunks) {
      partials = new double[chunks][kernels.sumCount()];
    }
    if (threads == 1 || chunks == 1) {
      sumChunks(params, batch, 0, 1, chunks);
    } else {
      this.params = params;
      this.batch = batch;
      await(start);
      try {
        sumChunks(params, batch, 0, threads, chunks);
      } finally {
        await(done);
        this.params = null;
        this.batch = null;
      }
      Throwable failed = failure;
      if (failed != null) {
        failure = null;
        throw new IllegalStateException("a chunk of the batch failed", failed);
      }
    }
    Arrays.fill(totals, 0.0);
    for (int c = 0; c < chunks; c++) {
      double[] partial = partials[c];
      for (int i = 0; i < totals.length; i++) {
        totals[i] += partial[i];
      }
    }
    return kernels.finish(params, totals, rows, grad);
  }

  // Chunks first, first + stride, … of the batch's chunks.
  private void sumChunks(double[] params, Batch batch, int first, int stride, int chunks) {
    int rows = batch.size();
    for (int c = first; c < chunks; c += stride) {
      int from = c * CHUNK_ROWS;
      kernels.sums(params, batch, from, Math.min(rows, from + CHUNK_ROWS), partials[c]);
    }
  }

  private void work(int worker) {
    while (true) {
      await(start);
      if (closed) {
        return;
      }
      try {
        double[] p = java.util.Objects.requireNonNull(params);
        Batch b = java.util.Objects.requireNonNull(batch);
        sumChunks(p, b, worker, threads, Math.max(1, (b.size() + CHUNK_ROWS - 1) / CHUNK_ROWS));
      } catch (Throwable t) {
        failure = t;
      }
      await(done);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while summing chunks", e);
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException("a chunk worker stopped", e);
    }
  }

  /** Stops the workers; the objective cannot be used afterwards. */
  @Override
  public void close() {
    if (closed || threads == 1) {
      closed = true;
      return;
    }
    closed = true;
    await(start); // workers see closed and return
  }
}
