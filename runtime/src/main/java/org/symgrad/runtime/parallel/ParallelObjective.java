package org.symgrad.runtime.parallel;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
 * <p>Who sums what: the caller's thread and up to {@code threads - 1} helpers from the JVM's
 * shared pool of daemon workers ({@link ChunkWorkers}) claim chunks one at a time from a
 * counter until none is left; the caller then waits for the chunks still being summed. A
 * helper that is busy with another fit, or wakes late, simply claims fewer chunks, so no call
 * waits for a thread that has not started its work. One thread (or one chunk) sums on the
 * caller's thread alone and touches no other thread.
 *
 * <p>Nothing is allocated per call once the buffers have grown: they are allocated when a batch
 * needs more chunks than any before, and the pool only when it grows. Not for concurrent use:
 * one caller at a time (a fit); separate objectives may run at once and share the pool.
 */
public final class ParallelObjective {
  /** Rows per chunk: a multiple of 8, so that 8-lane vector sums fit whole chunks. */
  public static final int CHUNK_ROWS = 4096;

  private final ChunkedKernels kernels;
  private final int threads;
  private final double[] totals;
  private double[][] partials = new double[0][];
  private double[] discarded = new double[0]; // what finish writes for a loss-only call

  // The current call, written by the caller before claims publishes its generation.
  private double @Nullable [] params;
  private @Nullable Batch batch;
  private int chunks;
  private boolean lossOnly;
  private @Nullable Thread caller;
  // High 32 bits: the call's generation; low 32 bits: the next chunk to claim. A helper's
  // claim is a compare-and-set on both, so it can never claim a chunk of a later call.
  private final AtomicLong claims = new AtomicLong();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private final ChunkWorkers.Call asCall = this::help; // what the workers run

  public ParallelObjective(ChunkedKernels kernels, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + ": must be at least 1");
    }
    this.kernels = kernels;
    this.threads = threads;
    this.totals = new double[kernels.sumCount()];
  }

  /** The thread count. */
  public int threads() {
    return threads;
  }

  /** The objective over {@code batch}, gradient to {@code grad}: the fused pass, chunked. */
  public double lossAndGradient(double[] params, Batch batch, double[] grad) {
    return kernels.finish(params, sumChunks(params, batch, false), batch.size(), grad);
  }

  /**
   * The objective over {@code batch} without its gradient (a validation pass): the same chunks
   * on the same threads, each summing the loss alone ({@link ChunkedKernels#lossSums}), so its
   * bits are the loss {@link #lossAndGradient} returns, they do not depend on the thread count
   * either, and they are what Spark's data-parallel fit computes for its validation rows.
   */
  public double loss(double[] params, Batch batch) {
    if (discarded.length < params.length) {
      discarded = new double[params.length]; // once per fit: the parameter count is fixed
    }
    // The totals of the sums lossSums leaves alone are stale, and so is the gradient finish
    // writes from them: dropped; its loss reads only what lossSums wrote.
    return kernels.finish(params, sumChunks(params, batch, true), batch.size(), discarded);
  }

  /**
   * Sums every chunk of {@code batch}, the loss alone when {@code lossOnly}, and returns the
   * totals, added in chunk order.
   */
  private double[] sumChunks(double[] params, Batch batch, boolean lossOnly) {
    int count = chunkCount(batch.size());
    if (partials.length < count) {
      partials = new double[count][kernels.sumCount()];
    }
    if (threads == 1 || count == 1) {
      for (int c = 0; c < count; c++) {
        sumChunk(params, batch, c, partials[c], lossOnly);
      }
    } else {
      sumOnThreads(params, batch, count, lossOnly);
    }
    Arrays.fill(totals, 0.0);
    for (int c = 0; c < count; c++) {
      double[] partial = partials[c];
      for (int i = 0; i < totals.length; i++) {
        totals[i] += partial[i];
      }
    }
    return totals;
  }

  private void sumOnThreads(double[] params, Batch batch, int count, boolean lossOnly) {
    long generation = (claims.get() >>> 32) + 1;
    // Close the claims before touching the fields: a helper that read the last call's claim
    // word and was then descheduled could otherwise read this call's fields, win its
    // compare-and-set on the unchanged word and count a chunk twice into 'finished'.
    claims.set((generation << 32) | Integer.MAX_VALUE);
    this.params = params;
    this.batch = batch;
    this.chunks = count;
    this.lossOnly = lossOnly;
    this.caller = Thread.currentThread();
    finished.set(0);
    claims.set(generation << 32); // opens chunk 0 and publishes the fields above to helpers
    ChunkWorkers.SHARED.offer(asCall, generation, Math.min(threads, count) - 1);
    help(generation, ChunkWorkers.NOTHING);
    ChunkWorkers.awaitCount(finished, count, this);
    this.params = null; // so that the objective holds no batch between calls
    this.batch = null;
    this.caller = null;
    Throwable failed = failure.getAndSet(null);
    if (failed != null) {
      throw new IllegalStateException("a chunk of the batch failed", failed);
    }
  }

  /**
   * Claims and sums chunks of call {@code generation} until none is left or a later call has
   * begun. Called by the caller and by helpers; never throws: a chunk's failure is kept for
   * the caller. Runs {@code done} before counting its chunks (see {@link ChunkWorkers.Call}).
   */
  void help(long generation, Runnable done) {
    int summed = 0;
    int count = 0;
    Thread waiting = null;
    while (true) {
      long claim = claims.get();
      int chunk = (int) claim;
      if ((claim >>> 32) != generation || chunk >= chunks) {
        break;
      }
      // Read before the claim: a successful claim proves they were this call's.
      double[] p = params;
      Batch b = batch;
      double[][] buffers = partials;
      int chunksOfCall = chunks;
      boolean lossOnlyCall = lossOnly;
      Thread callerOfCall = caller;
      // Reads that are not this call's come from a later call: the bound or the claim fails,
      // and the next round returns at the generation check.
      if (chunk >= buffers.length || !claims.compareAndSet(claim, claim + 1)) {
        continue;
      }
      count = chunksOfCall;
      waiting = callerOfCall;
      try {
        sumChunk(p, b, chunk, buffers[chunk], lossOnlyCall);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
      summed++;
    }
    done.run();
    // Counted once a thread and call, not once a chunk: the counter's cache line then moves
    // between cores once a call. Every claimed chunk is counted by its claimer before the
    // total can reach the chunk count, so the caller still waits for all of them.
    if (summed > 0 && finished.addAndGet(summed) == count && waiting != Thread.currentThread()) {
      LockSupport.unpark(waiting);
    }
  }

  private void sumChunk(double[] params, Batch batch, int chunk, double[] sums,
      boolean lossOnly) {
    int from = chunk * CHUNK_ROWS;
    int to = Math.min(batch.size(), from + CHUNK_ROWS);
    if (lossOnly) {
      kernels.lossSums(params, batch, from, to, sums);
    } else {
      kernels.sums(params, batch, from, to, sums);
    }
  }

  private static int chunkCount(int rows) {
    return Math.max(1, (rows + CHUNK_ROWS - 1) / CHUNK_ROWS);
  }
}
