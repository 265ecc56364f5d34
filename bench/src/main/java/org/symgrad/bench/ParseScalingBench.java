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
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;

/**
 * How parsing time grows with the size of hostile input: the same shapes as {@code
 * HostileTextTest.hugeInputsParseOrAreRefused}, at 2¹⁸, 2¹⁹ and 2²⁰ characters. Linear time
 * shows as a time that doubles with the size; the test suite only checks what is read or
 * refused, never how long it takes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseScalingBench {
  @Param({"262144", "524288", "1048576"})
  public int size;

  @Param({"digits", "sum", "parentheses", "unknown-name"})
  public String shape;

  private String model;

  @Setup
  public void setUp() {
    String expression = switch (shape) {
      case "digits" -> "9".repeat(size);
      case "sum" -> "x+".repeat(size / 2) + "x";
      case "parentheses" -> "(".repeat(size / 2) + "x" + ")".repeat(size / 2);
      case "unknown-name" -> "q".repeat(size) + "(x)";
      default -> throw new IllegalArgumentException(shape);
    };
    model = "input x\ntarget y\nparam w\nmodel w * (" + expression + ")\n";
  }

  @Benchmark
  public Object parse() {
    try {
      return Symgrad.parse(model, "huge.sg");
    } catch (SymgradException refused) {
      return refused;
    }
  }
}
