package org.symgrad.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.symgrad.compiler.ModelCache;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.CompiledModel;

/**
 * Compile latency, warm: the thermometer's text to a callable class ({@link #compile}), and its
 * stages, so a miss of the target can be placed: parse, parse + lower, and a {@link ModelCache}
 * hit (parse + lower + lookup). Every {@link #compile} defines a new hidden class, which the
 * JVM unloads once unreferenced.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompileBench {
  private ModelCache cache;

  @Setup
  public void setUp() {
    cache = new ModelCache();
    cache.compile(parse()); // so that cachedCompile measures hits
  }

  private static ModelDefinition parse() {
    return ModelParser.parse(Thermometer.MODEL, "thermometer.sg");
  }

  @Benchmark
  public ModelDefinition parseOnly() {
    return parse();
  }

  @Benchmark
  public Program parseAndLower() {
    return Symgrad.lower(parse());
  }

  @Benchmark
  public CompiledModel compile() {
    return Symgrad.compile(parse());
  }

  @Benchmark
  public CompiledModel cachedCompile() {
    return cache.compile(parse());
  }
}
