package org.symgrad.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.CompiledModel;

/**
 * Compile latency of the two large models, text to callable class: a linear model
 * with 10 000 features, and a one-hidden-layer network of 100 tanh units on 10 inputs. One
 * compile is long enough to time by itself, so each measurement is a single shot after a few
 * warm-up compiles.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class LargeModelCompileBench {
  static final String WIDE_LINEAR = """
      input  x[10000]
      target y
      param  w[10000]
      param  b
      model  sum(j, w[j] * x[j]) + b
      """;

  static final String MLP_100 = """
      input  x[10]
      target y
      param  W1[100, 10] = linear_init(10)
      param  b1[100]     = linear_init(10)
      param  w2[100]     = linear_init(100)
      param  b2          = linear_init(100)
      let    h[j] = tanh(sum(k, W1[j, k] * x[k]) + b1[j])
      model  sum(j, w2[j] * h[j]) + b2
      """;

  @Benchmark
  public CompiledModel wideLinear10000() {
    return Symgrad.compile(ModelParser.parse(WIDE_LINEAR, "wide.sg"));
  }

  /** The same model without loops, as it compiled before them: straight-line code in helpers. */
  @Benchmark
  public CompiledModel wideLinear10000Unrolled() {
    return org.symgrad.compiler.emit.ModelClassDefiner.define(
        org.symgrad.compiler.lower.Lowering.lower(ModelParser.parse(WIDE_LINEAR, "wide.sg"),
            7900, Integer.MAX_VALUE));
  }

  @Benchmark
  public CompiledModel mlp100x10() {
    return Symgrad.compile(ModelParser.parse(MLP_100, "mlp.sg"));
  }
}
