package org.symgrad.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.parallel.ParallelObjective;

/**
 * One epoch's gradient pass of the thermometer model over {@code rows} rows, chunked ({@link
 * ParallelObjective}) on 1 and on 2 threads in the same run, beside the one fused loop: what
 * {@code fit --threads 2} buys over {@code --threads 1}, and what the chunking costs one
 * thread. All three give the same bits for a batch of one chunk; the two chunked ones for any
 * batch. Each call is one epoch, so {@code -prof gc}'s {@code gc.alloc.rate.norm} is the bytes
 * an epoch allocates (the chunk workers' included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParallelBench {
  @Param({"1000000"})
  public int rows;

  @Param({"1", "2"})
  public int threads;

  private Problem problem;
  private ParallelObjective chunked;
  private final double[] params = {5.37, -17.3}; // near the fit, as KernelBench
  private final double[] grad = new double[2];

  @Setup
  public void setUp() {
    problem = Problem.thermometer(rows);
    chunked = new ParallelObjective((ChunkedKernels) problem.model, threads);
  }

  @Benchmark
  public double chunked() {
    return chunked.lossAndGradient(params, problem.batch, grad);
  }

  @Benchmark
  public double oneLoop() {
    return problem.model.lossAndGradient(params, problem.batch, grad);
  }
}
