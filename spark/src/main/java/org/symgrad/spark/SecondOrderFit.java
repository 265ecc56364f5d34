package org.symgrad.spark;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.FitStatistics;
import org.symgrad.runtime.optim.lsq.FusedObjective;
import org.symgrad.runtime.optim.lsq.HessianVectorProblem;
import org.symgrad.runtime.optim.lsq.HessianVectorProduct;
import org.symgrad.runtime.optim.lsq.LevenbergMarquardt;
import org.symgrad.runtime.optim.lsq.MatrixFreeObjective;
import org.symgrad.runtime.optim.lsq.ResidualProblem;
import org.symgrad.runtime.optim.lsq.SecondOrderProblem;
import org.symgrad.runtime.optim.lsq.SolverResult;
import org.symgrad.runtime.optim.lsq.TrustRegionNewton;

/**
 * {@code --optimizer lm|newton} as {@code symgrad fit} runs them: one solver run on every row
 * from the starting parameters, then, for a least-squares model, the statistics of R's {@code
 * summary(nls)} at the result. The same steps serve a group's rows in one task ({@link
 * #onBatch}) and all rows of a DataFrame, whose sums Spark gathers ({@link
 * DataParallelSecondOrder}); only the problem differs.
 */
final class SecondOrderFit {
  private SecondOrderFit() {}

  /**
   * What one solver run needs: the residuals of a least-squares model (null for another
   * model), the objective of {@code newton} with its Hessian or, when it steps by conjugate
   * gradients, with Hessian-vector products (one of them, or neither for {@code lm}), and the
   * model's loss at a point, which the result reports as {@code train_loss}.
   */
  record Problem(@Nullable ResidualProblem residuals, @Nullable SecondOrderProblem objective,
      @Nullable HessianVectorProblem products, ToDoubleFunction<double[]> loss) {

    Problem(@Nullable ResidualProblem residuals, @Nullable SecondOrderProblem objective,
        ToDoubleFunction<double[]> loss) {
      this(residuals, objective, null, loss);
    }
  }

  /**
   * A finished run: the solver's result, the loss there, the statistics when defined, and
   * what was not finite when it diverged (else empty).
   */
  record Solved(SolverResult fit, double trainLoss, @Nullable FitStatistics statistics,
      String divergence) {

    /** The message of a run that could not start, or what could not be estimated; or null. */
    @Nullable String error() {
      if (fit.reason().diverged()) {
        return divergence + ": choose other starting values (--init or the model's param "
            + "lines)";
      }
      return statistics == null || statistics.problem().isEmpty() ? null
          : statistics.problem();
    }

    FitOutcome outcome() {
      return new FitOutcome(fit.params(), trainLoss, null, fit.iterations(),
          fit.stopReason().label(), error(),
          statistics == null ? null : FitOutcome.Statistics.of(statistics));
    }
  }

  /**
   * Refuses what {@code symgrad fit} refuses before it reads a row: {@code lm} on a model that
   * is not a sum of squared residuals. Compiles the kernels the fits will need, so that a model
   * they cannot be made for is one error here, not one per group.
   */
  static void check(FitSpec spec, String text, String sourceName) {
    ModelDefinition definition = ExecutorModels.definition(text, sourceName);
    String refusal = Symgrad.whyNotSecondOrder(definition, spec.leastSquaresOnly());
    if (!refusal.isEmpty()) {
      throw new IllegalArgumentException(sourceName + ": error: " + refusal);
    }
    if (Symgrad.whyNotLeastSquares(definition).isEmpty()) {
      ExecutorModels.compileResiduals(text, sourceName);
    }
    if (!spec.leastSquaresOnly()) {
      ExecutorModels.secondOrder(text, sourceName, SecondOrderKernel.OBJECTIVE);
      ExecutorModels.secondOrder(text, sourceName, matrixFree(spec, text, sourceName)
          ? SecondOrderKernel.HESSIAN_VECTOR : SecondOrderKernel.NEWTON);
    }
  }

  /** Whether newton steps by conjugate gradients here, as symgrad fit decides it. */
  static boolean matrixFree(FitSpec spec, String text, String sourceName) {
    return !spec.leastSquaresOnly() && spec.hessian().matrixFree(
        ExecutorModels.get(text, sourceName).info().parameterCount());
  }

  /** Whether the fits of {@code spec} report standard errors: lm or newton, least squares. */
  static boolean reportsStatistics(FitSpec spec, String text, String sourceName) {
    return spec.secondOrder()
        && Symgrad.whyNotLeastSquares(ExecutorModels.definition(text, sourceName)).isEmpty();
  }

  /** One fit of the rows of {@code batch} (the model's inputs, then its target). */
  static Solved onBatch(FitSpec spec, String text, String sourceName, Batch batch) {
    if (batch.size() == 0) {
      throw new IllegalArgumentException("the data has no rows to fit");
    }
    CompiledModel model = ExecutorModels.get(text, sourceName);
    boolean leastSquares = reportsStatistics(spec, text, sourceName);
    // The fused kernels of symgrad fit --optimizer lm|newton, on one thread: the same bits.
    ResidualProblem residuals = leastSquares
        ? ExecutorModels.residuals(text, sourceName, batch) : null;
    boolean matrixFree = matrixFree(spec, text, sourceName);
    CompiledModel objectiveKernel = spec.leastSquaresOnly() ? null
        : ExecutorModels.secondOrder(text, sourceName, SecondOrderKernel.OBJECTIVE);
    SecondOrderProblem objective = spec.leastSquaresOnly() || matrixFree ? null
        : new FusedObjective(ExecutorModels.secondOrder(text, sourceName,
            SecondOrderKernel.NEWTON), objectiveKernel, batch, 1);
    // SecondOrderProblems.matrixFree's kernels, from this JVM's cache.
    HessianVectorProblem products = !matrixFree ? null : new MatrixFreeObjective(model,
        objectiveKernel, new HessianVectorProduct(ExecutorModels.secondOrder(text, sourceName,
            SecondOrderKernel.HESSIAN_VECTOR), batch, 1), batch, 1);
    return solve(spec, new Problem(residuals, objective, products, x -> model.loss(x, batch)),
        spec.initialParameters(model.info()),
        Symgrad.parameterNames(ExecutorModels.definition(text, sourceName)));
  }

  /** Runs the solver of {@code spec} on {@code problem} from {@code start}. */
  static Solved solve(FitSpec spec, Problem problem, double[] start, List<String> names) {
    SolverResult fit = spec.leastSquaresOnly()
        ? LevenbergMarquardt.minimize(problem.residuals(), start, spec.tolerances())
        : problem.products() != null
            ? TrustRegionNewton.minimize(problem.products(), start, spec.tolerances())
            : TrustRegionNewton.minimize(problem.objective(), start, spec.tolerances());
    FitStatistics statistics = null;
    if (problem.residuals() != null) {
      ResidualProblem residuals = problem.residuals();
      int p = residuals.size();
      double[] jtr = new double[p];
      double[] jtj = new double[p * p];
      double rss = residuals.normalEquations(fit.params(), jtr, jtj);
      statistics = FitStatistics.of(jtj, rss, residuals.rows(), names);
    }
    return new Solved(fit, problem.loss().applyAsDouble(fit.params()), statistics,
        fit.divergence(names, spec.leastSquaresOnly() ? "JᵀJ" : "the Hessian"));
  }
}
