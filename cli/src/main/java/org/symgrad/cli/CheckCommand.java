package org.symgrad.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symgrad check}: the compiled gradient against central finite differences of the
 * compiled loss, at the starting parameters and at random points near them. Exit code 1 when
 * they disagree, which means a bug in symgrad or a kink of the model at that point.
 */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Check the compiled gradient of MODEL.sg against central finite differences.")
final class CheckCommand implements Callable<Integer> {
  private static final double TOLERANCE = 1e-6;
  private static final int RANDOM_POINTS = 3;

  @picocli.CommandLine.Mixin
  QuietOption quietOption;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.sg", description = "The model file.")
  Path modelFile;

  @Option(names = "--data", paramLabel = "FILE.csv",
      description = "The data (default: the model's 'data' line).")
  Path data;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the initialisers and the random points (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ModelDefinition definition = ModelFiles.model(modelFile);
    Dataset dataset = ModelFiles.data(definition, modelFile, data);
    CompiledModel model = EarlyCompile.compile(definition);
    ModelInfo info = model.info();
    Batch batch = dataset.batchFor(info, true);
    Random random = new Random(seed);
    double[] start = info.initialParameters(seed);
    double worst = 0;
    String undefinedAt = null;
    PrintWriter log = quietOption.quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out;
    for (int point = 0; point <= RANDOM_POINTS; point++) {
      double[] params = start.clone();
      if (point > 0) {
        for (int i = 0; i < params.length; i++) {
          params[i] += random.nextGaussian() * Math.max(1, Math.abs(params[i])) * 0.5;
        }
      }
      String where = point == 0 ? "the starting parameters" : "random point " + point;
      log.println("at " + where + ":");
      double[] grad = new double[params.length];
      double loss = model.lossAndGradient(params, batch, grad);
      if (!Double.isFinite(loss)) {
        // No derivative to compare: the model itself is undefined here.
        log.println("  the loss is " + loss + " here");
        undefinedAt = undefinedAt == null ? where + " (loss " + loss + ")" : undefinedAt;
        continue;
      }
      for (ParameterInfo p : info.parameters()) {
        for (int e = 0; e < p.size(); e++) {
          int i = p.offset() + e;
          double numeric = centralDifference(model, batch, params, i);
          double error = Math.abs(grad[i] - numeric) / Math.max(1, Math.abs(numeric));
          worst = Math.max(worst, Double.isNaN(error) ? Double.POSITIVE_INFINITY : error);
          String name = p.isScalar() ? p.name() : p.name() + "[" + e + "]";
          log.printf("  d/d%-10s compiled %-24s differences %-24s %s%n", name, grad[i],
              numeric, error <= TOLERANCE ? "ok" : "DIFFERS (" + error + ")");
        }
      }
    }
    log.flush();
    if (undefinedAt != null) {
      out.println("cannot check: the loss is not finite at " + undefinedAt + "; the model is "
          + "undefined there (a log or sqrt of a negative number, a division by zero, an "
          + "overflow): look at its data and starting values, not at symgrad's derivatives");
      return Main.BAD_INPUT;
    }
    boolean agree = worst <= TOLERANCE;
    out.println(agree ? "ok: every derivative agrees to " + TOLERANCE
        : "the gradient differs from finite differences by up to " + worst
            + " (relative); a kink of the model near these points, or a bug in symgrad");
    return agree ? 0 : 1;
  }

  private static double centralDifference(CompiledModel model, Batch batch, double[] params,
      int i) {
    double[] shifted = params.clone();
    double h = 1e-6 * Math.max(1, Math.abs(params[i]));
    shifted[i] = params[i] + h;
    double plus = model.loss(shifted, batch);
    shifted[i] = params[i] - h;
    double minus = model.loss(shifted, batch);
    return (plus - minus) / (2 * h);
  }
}
