package org.symgrad.bench.lsq;

import java.util.Locale;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.testing.CountedResiduals;
import org.symgrad.runtime.testing.NistFile;

/**
 * Every NIST run as {@code symgrad fit --optimizer lm} makes it, with the passes over the rows
 * it ran, by kernel: normal equations ({@code Σr², Jᵀr, JᵀJ}), sum of squares alone, and
 * geodesic ({@code Jᵀr_vv}), beside the correct digits, iterations and evaluations, as a
 * Markdown table, for the problems named (all by default). {@code -Dlm.accel=false} builds the
 * problems without the geodesic kernel.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.symgrad.bench.lsq.NistPasses</pre>
 */
public final class NistPasses {
  private NistPasses() {}

  public static void main(String[] args) {
    boolean accelerate = Boolean.parseBoolean(System.getProperty("lm.accel", "true"));
    System.out.println("| problem | start | LRE params | iterations | evaluations "
        + "| normal-equations passes | Σr² passes | geodesic passes |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    int[] totals = new int[5];
    java.util.List<String> names = args.length == 0
        ? NistFile.available(LeastSquaresBench.DIRECTORY) : java.util.List.of(args);
    for (String name : names) {
      NistFile data = NistFile.read(LeastSquaresBench.DIRECTORY, name);
      ModelDefinition definition =
          Symgrad.parseFile(LeastSquaresBench.DIRECTORY.resolve(name + ".sg"));
      CompiledModel model = Symgrad.compile(definition);
      Batch batch = data.data().batchFor(model.info(), true);
      ResidualProblem problem =
          SecondOrderProblems.residuals(definition, batch, 1, accelerate);
      for (int start = 1; start <= 2; start++) {
        CountedResiduals counted = new CountedResiduals(problem);
        SolverResult fit = LevenbergMarquardt.minimize(counted, data.start(start),
            Tolerances.defaults(1000));
        double lre = 15;
        for (int k = 0; k < fit.params().length; k++) {
          lre = Math.min(lre, NistFile.lre(fit.params()[k], data.certified()[k]));
        }
        int[] row = {fit.iterations(), fit.evaluations(), counted.normalEquationsPasses(),
            counted.sumOfSquaresPasses(), counted.curvaturePasses()};
        for (int i = 0; i < row.length; i++) {
          totals[i] += row[i];
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %d | %d | %d | %d | %d |%n", name,
            start, lre, row[0], row[1], row[2], row[3], row[4]);
      }
    }
    System.out.printf(Locale.ROOT, "| all 54 | | | %d | %d | %d | %d | %d |%n", totals[0],
        totals[1], totals[2], totals[3], totals[4]);
  }
}
