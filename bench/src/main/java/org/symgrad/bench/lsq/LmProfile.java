package org.symgrad.bench.lsq;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
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
 * Where a fit's time goes, on the fused path {@code symgrad fit} runs: thread CPU time per fit,
 * the share spent in the kernels (the normal equations, the sum of squares and the geodesic
 * curvature of the acceleration), how many of each a fit runs, and the iteration from which the
 * parameters hold all the digits they end with (the rest is spent proving convergence). Thread
 * CPU time, not wall time, so a machine shared with other builds changes the numbers less.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.symgrad.bench.lsq.LmProfile [PROBLEM...]</pre>
 */
public final class LmProfile {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LmProfile() {}

  public static void main(String[] args) {
    List<String> names = List.of(args.length == 0 ? HandJacobians.PROBLEMS : args);
    System.out.println("| problem | start | µs per fit (CPU) | kernel share | NE passes "
        + "| Σr² passes | LRE | iteration reaching it |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (String name : names) {
      NistFile data = NistFile.read(LeastSquaresBench.DIRECTORY, name);
      ModelDefinition definition =
          Symgrad.parseFile(LeastSquaresBench.DIRECTORY.resolve(name + ".sg"));
      CompiledModel model = Symgrad.compile(definition);
      Timed timed = new Timed(SecondOrderProblems.residuals(definition,
          data.data().batchFor(model.info(), true), 1));
      Tolerances tol = Tolerances.defaults(1000);
      for (int start = 1; start <= 2; start++) {
        double[] x0 = data.start(start);
        for (int i = 0; i < 20_000; i++) {
          LevenbergMarquardt.minimize(timed, x0, tol); // warm up
        }
        timed.reset();
        int fits = 20_000;
        long begin = THREADS.getCurrentThreadCpuTime();
        SolverResult last = null;
        for (int i = 0; i < fits; i++) {
          last = LevenbergMarquardt.minimize(timed, x0, tol);
        }
        long total = THREADS.getCurrentThreadCpuTime() - begin;
        double lre = minLre(last.params(), data.certified());
        double[] jtr = new double[x0.length];
        double[] jtj = new double[x0.length * x0.length];
        long t0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < 200_000; i++) {
          timed.inner.normalEquations(last.params(), jtr, jtj);
        }
        long t1 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < 200_000; i++) {
          timed.inner.rss(last.params());
        }
        long t2 = THREADS.getCurrentThreadCpuTime();
        double[] direction = new double[x0.length]; // a step of 1e-3 in each parameter
        for (int k = 0; k < direction.length; k++) {
          direction[k] = 1e-3 * Math.max(Math.abs(last.params()[k]), 1e-3);
        }
        if (timed.inner.hasCurvature()) {
          for (int i = 0; i < 200_000; i++) {
            timed.inner.curvature(last.params(), direction, jtr);
          }
        }
        long t3curvature = THREADS.getCurrentThreadCpuTime();
        double nePass = (t1 - t0) / 2e5;
        double rssPass = (t2 - t1) / 2e5;
        double curvaturePass = (t3curvature - t2) / 2e5;
        double kernel = (nePass * timed.normalEquations + rssPass * timed.sums
            + curvaturePass * timed.curvatures) / fits;
        Replay replay = new Replay(timed.inner);
        LevenbergMarquardt.minimize(replay, x0, tol);
        replay.recording = false;
        for (int i = 0; i < fits; i++) {
          replay.next = 0;
          LevenbergMarquardt.minimize(replay, x0, tol);
        }
        long t3 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < fits; i++) {
          replay.next = 0;
          LevenbergMarquardt.minimize(replay, x0, tol);
        }
        System.out.printf(Locale.ROOT, "  solver alone (kernels replayed) %.2f µs per fit%n",
            (THREADS.getCurrentThreadCpuTime() - t3) / 1e3 / fits);
        timed.nanos = (long) (kernel * fits);
        System.out.printf(Locale.ROOT,
            "  NE pass %.3f µs, Σr² pass %.3f µs, geodesic pass %.3f µs × %.1f a fit%n",
            nePass / 1e3, rssPass / 1e3, curvaturePass / 1e3,
            (double) timed.curvatures / fits);
        System.out.printf(Locale.ROOT,
            "| %s | %d | %.2f | %.0f %% | %.1f | %.1f | %.1f | %d of %d |%n",
            name, start, total / 1e3 / fits, 100.0 * timed.nanos / total,
            (double) timed.normalEquations / fits, (double) timed.sums / fits, lre,
            firstIterationWith(timed, x0, data.certified(), lre, last.iterations()),
            last.iterations());
      }
    }
  }

  // The fewest iterations after which the parameters already have the final fit's digits.
  private static int firstIterationWith(ResidualProblem problem, double[] x0,
      double[] certified, double lre, int iterations) {
    for (int k = 1; k <= iterations; k++) {
      Tolerances limited = new Tolerances(Tolerances.DEFAULT_TOL, Tolerances.DEFAULT_TOL, 0, k,
          1_000_000, Tolerances.DEFAULT_FACTOR);
      SolverResult r = LevenbergMarquardt.minimize(problem, x0, limited);
      if (minLre(r.params(), certified) >= lre - 0.05) {
        return k;
      }
    }
    return iterations;
  }

  private static double minLre(double[] estimate, double[] certified) {
    double lre = Double.POSITIVE_INFINITY;
    for (int i = 0; i < certified.length; i++) {
      lre = Math.min(lre, NistFile.lre(estimate[i], certified[i]));
    }
    return lre;
  }

  /** Records a fit's kernel results, then returns them again in order, for the solver's time. */
  private static final class Replay implements ResidualProblem {
    private final ResidualProblem inner;
    private final java.util.List<double[]> results = new java.util.ArrayList<>();
    boolean recording = true;
    int next;

    Replay(ResidualProblem inner) {
      this.inner = inner;
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public int rows() {
      return inner.rows();
    }

    @Override
    public boolean normalEquationsAtTrials() {
      return inner.normalEquationsAtTrials();
    }

    @Override
    public double rss(double[] x) {
      if (recording) {
        results.add(new double[] {inner.rss(x)});
      }
      return results.get(next++)[0];
    }

    @Override
    public double normalEquations(double[] x, double[] jtr, double[] jtj) {
      int p = size();
      if (recording) {
        double[] all = new double[1 + p + p * p];
        all[0] = inner.normalEquations(x, jtr, jtj);
        System.arraycopy(jtr, 0, all, 1, p);
        System.arraycopy(jtj, 0, all, 1 + p, p * p);
        results.add(all);
      }
      double[] all = results.get(next++);
      System.arraycopy(all, 1, jtr, 0, p);
      System.arraycopy(all, 1 + p, jtj, 0, p * p);
      return all[0];
    }

    @Override
    public boolean hasCurvature() {
      return inner.hasCurvature();
    }

    @Override
    public double curvature(double[] x, double[] v, double[] jtRvv) {
      int p = size();
      if (recording) {
        double[] all = new double[1 + p];
        all[0] = inner.curvature(x, v, jtRvv);
        System.arraycopy(jtRvv, 0, all, 1, p);
        results.add(all);
      }
      double[] all = results.get(next++);
      System.arraycopy(all, 1, jtRvv, 0, p);
      return all[0];
    }
  }

  /** Counts and times the kernel passes of the problem it wraps. */
  private static final class Timed implements ResidualProblem {
    private final ResidualProblem inner;
    long nanos;
    long normalEquations;
    long sums;
    long curvatures;

    Timed(ResidualProblem inner) {
      this.inner = inner;
    }

    void reset() {
      nanos = 0;
      normalEquations = 0;
      sums = 0;
      curvatures = 0;
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public int rows() {
      return inner.rows();
    }

    @Override
    public boolean normalEquationsAtTrials() {
      return inner.normalEquationsAtTrials();
    }

    @Override
    public double rss(double[] x) {
      double v = inner.rss(x);
      sums++;
      return v;
    }

    @Override
    public double normalEquations(double[] x, double[] jtr, double[] jtj) {
      double v = inner.normalEquations(x, jtr, jtj);
      normalEquations++;
      return v;
    }

    @Override
    public boolean hasCurvature() {
      return inner.hasCurvature();
    }

    @Override
    public double curvature(double[] x, double[] v, double[] jtRvv) {
      double value = inner.curvature(x, v, jtRvv);
      curvatures++;
      return value;
    }
  }
}
