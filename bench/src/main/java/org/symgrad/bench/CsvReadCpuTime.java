package org.symgrad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.symgrad.io.Datasets;
import org.symgrad.runtime.Dataset;

/**
 * Reads a CSV file 8 times in one JVM and prints each read's CPU time on this thread beside
 * its wall time: on a machine shared with other work, the CPU time is the figure that says
 * what the reader costs (the first reads include the interpreter and JIT warm-up, as a
 * command-line fit pays them once).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.symgrad.bench.CsvReadCpuTime FILE.csv
 * </pre>
 */
public final class CsvReadCpuTime {
  private CsvReadCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 1; i <= 8; i++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      Dataset data = Datasets.readCsv(Path.of(args[0]));
      System.out.printf(Locale.ROOT, "read %d: %d rows, cpu %.0f ms, wall %.0f ms%n", i,
          data.rows(), (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
          (System.nanoTime() - wall) / 1e6);
    }
  }
}
