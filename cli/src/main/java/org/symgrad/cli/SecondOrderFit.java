package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.symgrad.compiler.SecondOrderOptions;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.io.Checkpoints;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.lsq.Convergence;
import org.symgrad.runtime.optim.lsq.FitStatistics;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.Tolerances;
import org.symgrad.runtime.optim.lsq.TrustRegionNewton;

/**
 * {@code symgrad fit --optimizer lm|newton}: a second-order fit on every row, then, for a
 * least-squares model, R's {@code summary(nls)}: estimates, standard errors, t values, the
 * residual standard error and its degrees of freedom.
 */
final class SecondOrderFit {
  private final FitCommand command;

  SecondOrderFit(FitCommand command) {
    this.command = command;
  }

  /** Whether {@code --optimizer name} is one of these. */
  static boolean handles(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("lm") || n.equals("newton");
  }

  int run(Map<String, String> options) {
    refuseTorchOnlyOptions();
    PrintWriter out = command.spec.commandLine().getOut();
    PrintWriter err = command.spec.commandLine().getErr();
    boolean lm = command.fit.optimizer().toLowerCase(Locale.ROOT).equals("lm");
    ModelDefinition definition = ModelFiles.model(command.modelFile);
    Dataset dataset = ModelFiles.data(definition, command.modelFile, command.data);
    String refusal = Symgrad.whyNotSecondOrder(definition, lm);
    if (!refusal.isEmpty()) {
      throw new UsageException(command.modelFile + ": error: " + refusal);
    }
    String notLeastSquares = Symgrad.whyNotLeastSquares(definition);
    SecondOrderOptions read = configure(() -> SecondOrderOptions.parse(command.fit.optimizer(),
        options, command.fit.epochs()));
    Tolerances tolerances = read.tolerances();
    CompiledModel model = EarlyCompile.compile(definition);
    ModelInfo info = model.info();
    Batch batch = configure(() -> dataset.batchFor(info, true));
    if (batch.size() == 0) {
      throw new UsageException("error: the data has no rows to fit");
    }
    double[] start = start(info);
    // The fused kernels sum fixed chunks of rows: the same bits for any --threads.
    int threads = command.threads == null ? 1 : command.threads;
    ResidualProblem residuals = notLeastSquares.isEmpty()
        ? SecondOrderProblems.residuals(definition, batch, threads) : null;
    boolean cg = read.hessian().matrixFree(info.parameterCount());
    SolverResult fit = lm
        ? LevenbergMarquardt.minimize(residuals, start, tolerances)
        : cg ? TrustRegionNewton.minimize(
            SecondOrderProblems.matrixFree(definition, batch, threads), start, tolerances)
        : TrustRegionNewton.minimize(SecondOrderProblems.objective(definition, batch, threads),
            start, tolerances);
    FitStatistics stats = residuals == null ? null : statistics(residuals, fit, definition);

    ObjectNode summary = Json.object();
    summary.set("params", Parameters.toJson(info, fit.params()));
    summary.set("train_loss", Json.number(model.loss(fit.params(), batch)));
    summary.putNull("val_loss");
    summary.put("epochs", fit.iterations());
    boolean diverged = fit.reason().diverged();
    summary.put("stopped", fit.stopReason().label());
    summary.put("reason", fit.reason().label());
    summary.put("evaluations", fit.evaluations());
    summary.put("damped_iterations", fit.dampedIterations());
    if (stats != null) {
      summary.set("stderr", Parameters.toJson(info, stats.stderr()));
      summary.set("rss", Json.number(stats.rss()));
      summary.set("residual_sd", Json.number(stats.residualSd()));
      summary.put("dof", stats.dof());
      summary.set("covariance", covariance(stats.covariance(), info.parameterCount()));
    }
    if (command.json) {
      out.println(Json.line(summary));
    } else {
      NlsSummary.print(out, fit, stats, Symgrad.parameterNames(definition), summary);
    }
    if (diverged) {
      err.println(divergence(fit, Symgrad.parameterNames(definition), lm));
      out.flush();
      return Main.DIVERGED;
    }
    if (!fit.converged()) {
      err.println("warning: " + command.fit.optimizer() + " did not converge: "
          + fit.reason().explanation() + " (" + fit.iterations() + " iterations, "
          + fit.evaluations() + " evaluations); the objective reached is "
          + fit.value() + ". Raise --epochs or --opt max_nfev=…, or loosen ftol/xtol.");
    }
    if (cg) {
      err.println("note: newton stepped by truncated conjugate gradients on Hessian-vector "
          + "products (" + info.parameterCount() + " parameters; --opt hessian=dense|cg "
          + "chooses)");
    }
    if (fit.dampedIterations() > 0 && cg) {
      err.println("note: on " + fit.dampedIterations() + " iteration(s) conjugate gradients "
          + "met negative curvature; the step ran to the trust region's boundary");
    } else if (fit.dampedIterations() > 0) {
      err.println("note: on " + fit.dampedIterations() + " iteration(s) the "
          + (lm ? "matrix JᵀJ" : "Hessian") + " was singular or indefinite; damping chose "
          + "the step");
    }
    if (stats != null && !stats.problem().isEmpty()) {
      err.println("note: " + stats.problem());
    }
    out.flush();
    return 0;
  }

  // What was not finite, and where: a derivative that is not finite where the objective is
  // comes from the model's formula (a pow or log at 0), not from the start's distance.
  private static String divergence(SolverResult fit, List<String> names, boolean lm) {
    String advice = fit.reason() == Convergence.NOT_FINITE_DERIVATIVES
        ? "the model's derivative is not finite there (sqrt, log, pow or a division at 0?): "
            + "run 'symgrad check' on the model, or choose other starting values"
        : "choose other starting values";
    return "error: " + fit.divergence(names, lm ? "JᵀJ" : "the Hessian") + ": " + advice
        + " (--init or the model's param lines)";
  }

  private static FitStatistics statistics(ResidualProblem residuals, SolverResult fit,
      ModelDefinition definition) {
    int p = residuals.size();
    double[] jtr = new double[p];
    double[] jtj = new double[p * p];
    double rss = residuals.normalEquations(fit.params(), jtr, jtj);
    return FitStatistics.of(jtj, rss, residuals.rows(), Symgrad.parameterNames(definition));
  }

  private static ArrayNode covariance(double[] covariance, int p) {
    ArrayNode rows = Json.array();
    for (int i = 0; i < p; i++) {
      ArrayNode row = rows.addArray();
      for (int j = 0; j < p; j++) {
        row.add(Json.number(covariance[i * p + j]));
      }
    }
    return rows;
  }

  private double[] start(ModelInfo info) {
    Path init = command.fit.init();
    // Read as every command reads --init: its limits, byte order mark and messages.
    return init == null ? info.initialParameters(command.fit.seed())
        : Checkpoints.loadStart(init, info).params();
  }


  // These steer epochs of torch steps; a second-order fit has none of them.
  private void refuseTorchOnlyOptions() {
    List<String> given = new java.util.ArrayList<>(command.fit.torchOnlyFlags());
    if (command.batchSize != null) { // after --lr, as the options are listed
      given.add(given.contains("--lr") ? 1 : 0, "--batch-size");
    }
    if (command.plot != null) {
      given.add("--plot");
    }
    if (command.history != null) { // a record an epoch; these fits have iterations, not epochs
      given.add("--history");
    }
    if (command.inputNoise != 0) {
      given.add("--input-noise");
    }
    if (!given.isEmpty()) {
      throw new UsageException("error: " + String.join(", ", given) + " cannot be used with "
          + "--optimizer " + command.fit.optimizer() + ", which fits every row to a tolerance "
          + "(--opt ftol=… xtol=… gtol=… max_nfev=…; --epochs is its iteration limit)");
    }
  }

  private static <T> T configure(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException("error: " + e.getMessage());
    }
  }
}
