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
import org.symgrad.bench.baseline.HandWritten;
import org.symgrad.bench.vector.VectorReference;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.emit.VectorMode;
import org.symgrad.runtime.CompiledModel;

/**
 * The compiled kernel with Vector API row loops ({@code VectorMode.ON}) beside the hand-written
 * Vector API loop ({@link VectorReference}, the hardware limit for large batches), and the
 * scalar compiled kernel ({@code VectorMode.OFF}) and hand-written loop, on the same data as
 * {@link KernelBench}, in one fork that has the incubator module. At 11 rows, a short pass
 * (runtime {@code SumLanes.SHORT}), every contender but the hand-written vector loop adds the
 * rows in order, one running sum each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VectorApiBench {
  @Param({"11", "10000", "1000000"})
  public int rows;

  private Problem problem;
  private CompiledModel vectorised;
  private CompiledModel scalar;
  private double[] params;
  private double[] grad;

  @Setup
  public void setUp() {
    problem = Problem.thermometer(rows);
    vectorised = compileVectorised(problem);
    // Not problem.model: that one is compiled for this JVM, which has the module.
    scalar = Symgrad.compile(problem.definition, VectorMode.OFF);
    params = new double[] {5.37, -17.3};
    grad = new double[2];
  }

  /** The problem's model compiled with vector row loops; needs the incubator module. */
  static CompiledModel compileVectorised(Problem problem) {
    return Symgrad.compile(problem.definition, VectorMode.ON);
  }

  @Benchmark
  public double vectorApi() {
    return VectorReference.lossAndGradient(params, problem.tu, problem.tc, problem.rows, grad);
  }

  @Benchmark
  public double compiledVector() {
    return vectorised.lossAndGradient(params, problem.batch, grad);
  }

  @Benchmark
  public double compiledScalar() {
    return scalar.lossAndGradient(params, problem.batch, grad);
  }

  @Benchmark
  public double handWritten() {
    return HandWritten.lossAndGradient(params, problem.tu, problem.tc, problem.rows, grad);
  }
}
