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
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.testing.NistFile;

/**
 * Thread CPU time per fit of {@code lm} on the fused path, best of five blocks of 4000 fits
 * after 10,000 to warm up: on a machine shared with other builds, where JMH's wall-clock
 * errors exceed its scores, CPU time still compares two builds run one after the other. It
 * uses only API that older builds have too, so the same class runs against an older jar:
 *
 * <pre>java -cp OLD/benchmarks.jar:bench/target/classes org.symgrad.bench.lsq.LmCpuTime</pre>
 */
public final class LmCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LmCpuTime() {}

  public static void main(String[] args) {
    List<String> names = List.of(args.length == 0 ? HandJacobians.PROBLEMS : args);
    for (String name : names) {
      NistFile data = NistFile.read(LeastSquaresBench.DIRECTORY, name);
      ModelDefinition definition =
          Symgrad.parseFile(LeastSquaresBench.DIRECTORY.resolve(name + ".sg"));
      CompiledModel model = Symgrad.compile(definition);
      ResidualProblem problem = SecondOrderProblems.residuals(definition,
          data.data().batchFor(model.info(), true), 1);
      Tolerances tol = Tolerances.defaults(1000);
      for (int start = 1; start <= 2; start++) {
        double[] x0 = data.start(start);
        for (int i = 0; i < 10_000; i++) {
          LevenbergMarquardt.minimize(problem, x0, tol);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int block = 0; block < 5; block++) {
          long begin = THREADS.getCurrentThreadCpuTime();
          for (int i = 0; i < 4000; i++) {
            LevenbergMarquardt.minimize(problem, x0, tol);
          }
          best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - begin) / 4000e3);
        }
        System.out.printf(Locale.ROOT, "%s %d %.2f%n", name, start, best);
      }
    }
  }
}
