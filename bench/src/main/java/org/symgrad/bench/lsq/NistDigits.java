package org.symgrad.bench.lsq;

import java.util.Locale;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.testing.NistFile;

/**
 * Every NIST run as {@code symgrad fit --optimizer lm} makes it (the fused kernels, default
 * options): the correct digits of the worst parameter and of the RSS, iterations, evaluations
 * and a fingerprint of the parameters' bits, as a Markdown table. Two builds' tables side by
 * side show whether a change kept every fit to the bit, or which digits it moved. It uses only
 * API that older builds have too, so it runs against an older jar:
 *
 * <pre>java -cp OLD/benchmarks.jar:bench/target/classes org.symgrad.bench.lsq.NistDigits</pre>
 */
public final class NistDigits {
  private NistDigits() {}

  public static void main(String[] args) {
    System.out.println("| problem | start | LRE params | LRE rss | iterations | evaluations "
        + "| parameter bits |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String name : NistFile.available(LeastSquaresBench.DIRECTORY)) {
      NistFile data = NistFile.read(LeastSquaresBench.DIRECTORY, name);
      ModelDefinition definition =
          Symgrad.parseFile(LeastSquaresBench.DIRECTORY.resolve(name + ".sg"));
      CompiledModel model = Symgrad.compile(definition);
      Batch batch = data.data().batchFor(model.info(), true);
      for (int start = 1; start <= 2; start++) {
        SolverResult fit = LevenbergMarquardt.minimize(
            SecondOrderProblems.residuals(definition, batch, 1), data.start(start),
            Tolerances.defaults(1000));
        double[] params = fit.params();
        double lre = 15;
        long bits = 17;
        for (int k = 0; k < params.length; k++) {
          lre = Math.min(lre, NistFile.lre(params[k], data.certified()[k]));
          bits = 31 * bits + Double.doubleToLongBits(params[k]);
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d | %d | %016x |%n", name,
            start, lre, NistFile.lre(2 * fit.value(), data.certifiedRss()), fit.iterations(),
            fit.evaluations(), bits);
      }
    }
  }
}
