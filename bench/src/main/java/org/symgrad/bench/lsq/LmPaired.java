package org.symgrad.bench.lsq;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.testing.NistFile;

/**
 * Two builds' {@code lm} (fused path) in one JVM, each in its own class loader, timed in
 * interleaved blocks of about 20 ms of thread CPU time: on a machine shared with other builds,
 * a load that comes and goes then hits both builds alike, where runs one after the other
 * (LmCpuTime) differ by ±30 %. Prints the fastest block and the first quartile of each, their
 * ratios, and whether both builds end every fit on the same bits.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.symgrad.bench.lsq.LmPaired OLD.jar NEW.jar 40 Thurber:1 …</pre>
 *
 * Each build's classes come from its jar; this class comes from {@code bench/target/classes},
 * so an older jar without it still runs.
 */
public final class LmPaired {
  private LmPaired() {}

  public static void main(String[] args) throws ReflectiveOperationException,
      MalformedURLException {
    int rounds = Integer.parseInt(args[2]);
    URL runner = Path.of("bench/target/classes").toUri().toURL();
    System.out.println("| problem | start | old min µs | old q1 µs | new min µs | new q1 µs "
        + "| old / new (min) | old / new (q1) | same bits |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int a = 3; a < args.length; a++) {
      String[] run = args[a].split(":");
      LongUnaryOperator[] builds = new LongUnaryOperator[2];
      String[] ends = new String[2];
      for (int k = 0; k < 2; k++) {
        URL[] urls = {runner, Path.of(args[k]).toUri().toURL()};
        ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        builds[k] = (LongUnaryOperator) loader.loadClass(Fits.class.getName())
            .getConstructor(String.class, String.class).newInstance(run[0], run[1]);
        ends[k] = builds[k].toString();
      }
      long probe = Math.max(1, builds[0].applyAsLong(50) / 50);
      long fits = Math.max(20, 20_000_000L / probe);
      for (int w = 0; w < 30; w++) {
        builds[0].applyAsLong(fits);
        builds[1].applyAsLong(fits);
      }
      double[][] micros = new double[2][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < 2; i++) {
          int k = r % 2 == 0 ? i : 1 - i; // alternate which build goes first
          micros[k][r] = builds[k].applyAsLong(fits) / 1e3 / fits;
        }
      }
      Arrays.sort(micros[0]);
      Arrays.sort(micros[1]);
      double[] min = {micros[0][0], micros[1][0]};
      double[] q1 = {micros[0][rounds / 4], micros[1][rounds / 4]};
      System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f | %s |%n",
          run[0], run[1], min[0], q1[0], min[1], q1[1], min[0] / min[1], q1[0] / q1[1],
          ends[0].equals(ends[1]) ? "yes" : "no");
    }
  }

  /** One build's fits of one problem from one start: {@code applyAsLong(n)} runs n. */
  public static final class Fits implements LongUnaryOperator {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final ResidualProblem problem;
    private final double[] start;
    private final Tolerances tolerances = Tolerances.defaults(1000);
    private volatile SolverResult last;

    public Fits(String name, String start) {
      NistFile data = NistFile.read(LeastSquaresBench.DIRECTORY, name);
      ModelDefinition definition =
          Symgrad.parseFile(LeastSquaresBench.DIRECTORY.resolve(name + ".sg"));
      CompiledModel model = Symgrad.compile(definition);
      this.problem = SecondOrderProblems.residuals(definition,
          data.data().batchFor(model.info(), true), 1);
      this.start = data.start(Integer.parseInt(start));
    }

    /** Runs {@code fits} fits; their thread CPU time in nanoseconds. */
    @Override
    public long applyAsLong(long fits) {
      long begin = THREADS.getCurrentThreadCpuTime();
      SolverResult result = null;
      for (long i = 0; i < fits; i++) {
        result = LevenbergMarquardt.minimize(problem, start, tolerances);
      }
      last = result;
      return THREADS.getCurrentThreadCpuTime() - begin;
    }

    /** Iterations, evaluations and the parameters' bits of one fit. */
    @Override
    public String toString() {
      SolverResult fit = LevenbergMarquardt.minimize(problem, start, tolerances);
      StringBuilder text = new StringBuilder(fit.iterations() + " " + fit.evaluations());
      for (double v : fit.params()) {
        text.append(' ').append(Long.toHexString(Double.doubleToLongBits(v)));
      }
      return text.toString();
    }
  }
}
