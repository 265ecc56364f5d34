package org.symgrad.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.symgrad.io.Datasets;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * Reading a CSV file of {@code rows} rows and 2 columns ({@code t_u,t_c}, numbers written as a
 * thermometer's readings are, 4 to 8 significant digits) into a {@code Dataset}: every column
 * ({@link #everyColumn}) and a model's columns ({@link #modelColumns}, as {@code fit} reads).
 * Issue 15's target is 0.5 s for 10⁶ rows; pandas' {@code read_csv} takes about 0.2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvReadBench {
  private static final ModelInfo THERMOMETER = new ModelInfo("thermometer", "w * t_u + b",
      "mse", List.of(new ParameterInfo("w", List.of(), 0, new Initializer.Constant(1)),
          new ParameterInfo("b", List.of(), 1, new Initializer.Constant(0))),
      List.of("t_u"), "t_c", 1);

  @Param("1000000")
  public int rows;

  private Path file;

  @Setup(Level.Trial)
  public void write() throws IOException {
    file = Files.createTempFile("csv-read-bench", ".csv");
    Random random = new Random(42);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("t_u,t_c\n");
      for (int r = 0; r < rows; r++) {
        double tu = 20 + 60 * random.nextDouble();
        out.write(String.format(Locale.ROOT, "%.4f,%.6g%n", tu, (tu - 32) * 5 / 9
            + random.nextGaussian()));
      }
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Dataset everyColumn() {
    return Datasets.readCsv(file);
  }

  @Benchmark
  public Dataset modelColumns() {
    return Datasets.readCsv(file, THERMOMETER);
  }
}
