package org.symgrad.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.symgrad.bench.vector.VectorReference;

/**
 * The hand-written Vector API loop ({@link VectorReference}) on the same data as {@link
 * KernelBench}: the hardware limit for large batches. Its fork gets the incubator module.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VectorApiBench {
  @Param({"10000", "1000000"})
  public int rows;

  private Problem problem;
  private double[] params;
  private double[] grad;

  @Setup
  public void setUp() {
    problem = Problem.thermometer(rows);
    params = new double[] {5.37, -17.3};
    grad = new double[2];
  }

  @Benchmark
  public double vectorApi() {
    return VectorReference.lossAndGradient(params, problem.tu, problem.tc, problem.rows, grad);
  }
}
