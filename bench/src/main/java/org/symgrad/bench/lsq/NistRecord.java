package org.symgrad.bench.lsq;

import java.util.Locale;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.testing.NistFile;

/**
 * The accuracy half of the record beside {@link LeastSquaresBench}'s times: for each benchmarked
 * problem and start, the correct digits (smallest LRE over the parameters, and of the RSS) and
 * the evaluations of symgrad's {@code lm} and of Hipparchus' optimizer, as a Markdown table.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.symgrad.bench.lsq.NistRecord</pre>
 */
public final class NistRecord {
  private NistRecord() {}

  public static void main(String[] args) {
    System.out.println("| problem | start | symgrad LRE params | rss | iterations | evaluations "
        + "| Hipparchus LRE params | rss | iterations | evaluations |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (String name : HandJacobians.PROBLEMS) {
      NistFile data = NistFile.read(LeastSquaresBench.DIRECTORY, name);
      ModelDefinition definition =
          Symgrad.parseFile(LeastSquaresBench.DIRECTORY.resolve(name + ".sg"));
      CompiledModel model = Symgrad.compile(definition);
      Batch batch = data.data().batchFor(model.info(), true);
      CompiledResiduals residuals =
          new CompiledResiduals(model, Symgrad.compileJacobian(definition), batch);
      for (int start = 1; start <= 2; start++) {
        SolverResult ours = LevenbergMarquardt.minimize(residuals, data.start(start),
            Tolerances.defaults(1000));
        String theirs;
        try {
          LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
              .optimize(LeastSquaresBench.hipparchusProblem(data, start));
          theirs = String.format(Locale.ROOT, "%.1f | %.1f | %d | %d",
              minLre(optimum.getPoint().toArray(), data.certified()),
              NistFile.lre(optimum.getCost() * optimum.getCost(), data.certifiedRss()),
              optimum.getIterations(), optimum.getEvaluations());
        } catch (RuntimeException e) {
          theirs = "failed: " + e.getMessage().replace('|', '/') + " | | |";
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d | %d | %s |%n", name, start,
            minLre(ours.params(), data.certified()),
            NistFile.lre(2 * ours.value(), data.certifiedRss()), ours.iterations(),
            ours.evaluations(), theirs);
      }
    }
  }

  private static double minLre(double[] estimate, double[] certified) {
    double min = 15;
    for (int k = 0; k < estimate.length; k++) {
      min = Math.min(min, NistFile.lre(estimate[k], certified[k]));
    }
    return min;
  }
}
