package org.symgrad.spark;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.optim.lsq.FitStatistics;
import org.symgrad.runtime.train.Divergence;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingResult;

/**
 * What one fit came to, as a result row shows it: a finished fit, a diverged one (its
 * parameters, and the divergence as its error), or one that could not run (its error alone).
 *
 * @param params the fitted parameters, or null when the fit could not run
 * @param stopped {@code completed}, {@code early_stopping}, {@code converged}, {@code
 *     diverged} as {@code symgrad fit --json} spells them, or {@code failed}
 * @param error why the fit failed or diverged, or what could not be estimated; or null
 * @param statistics after a least-squares fit by {@code lm} or {@code newton}: standard
 *     errors, residual sum of squares, degrees of freedom; else null
 */
record FitOutcome(
    double @Nullable [] params,
    @Nullable Double trainLoss,
    @Nullable Double valLoss,
    @Nullable Integer epochs,
    String stopped,
    @Nullable String error,
    @Nullable Statistics statistics) implements Serializable {

  private static final long serialVersionUID = 2L;

  FitOutcome(double @Nullable [] params, @Nullable Double trainLoss, @Nullable Double valLoss,
      @Nullable Integer epochs, String stopped, @Nullable String error) {
    this(params, trainLoss, valLoss, epochs, stopped, error, null);
  }

  /**
   * What a result row shows of a least-squares fit's {@link FitStatistics}: a standard error
   * per parameter (null where the parameter is not identifiable), the residual sum of squares,
   * the residual standard deviation and the degrees of freedom.
   */
  record Statistics(@Nullable Double[] stderr, double rss, double residualSd, int dof)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    static Statistics of(FitStatistics stats) {
      double[] values = stats.stderr();
      Double[] stderr = new Double[values.length];
      for (int i = 0; i < values.length; i++) {
        stderr[i] = Double.isNaN(values[i]) ? null : values[i];
      }
      return new Statistics(stderr, stats.rss(), stats.residualSd(), stats.dof());
    }
  }

  /** The label of a fit that could not run. */
  static final String FAILED = "failed";

  static FitOutcome of(TrainingResult result) {
    return new FitOutcome(result.params(), result.trainLoss(), result.valLoss(),
        result.epochs(), result.stopReason().label(),
        result.stopReason() == StopReason.DIVERGED ? diverged(result.divergence()) : null);
  }

  static FitOutcome failed(String message) {
    return new FitOutcome(null, null, null, null, FAILED, message);
  }

  /** The CLI's divergence message, without its advice on flags. */
  static String diverged(Divergence divergence) {
    return "training diverged at epoch " + divergence.epoch() + ": the training loss became "
        + divergence.loss() + (divergence.lastFiniteLoss() == null
            ? " at the starting parameters"
            : " (last finite loss " + divergence.lastFiniteLoss() + " at epoch "
                + (divergence.epoch() - 1) + ")")
        + "; the parameters are those before that epoch";
  }
}
