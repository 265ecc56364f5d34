package org.symgrad.cli;

import java.nio.file.Path;
import org.symgrad.runtime.train.Divergence;
import org.symgrad.runtime.train.TrainingResult;

/** What {@code fit} says on standard error when the training loss stops being finite. */
final class DivergenceMessage {
  private DivergenceMessage() {}

  static String of(TrainingResult result, double learningRate, Path modelFile) {
    return of(result, learningRate, 0, modelFile);
  }

  /** The message of a fit whose inputs got noise of standard deviation {@code inputNoise}. */
  static String of(TrainingResult result, double learningRate, double inputNoise,
      Path modelFile) {
    Divergence divergence = result.divergence();
    StringBuilder text = new StringBuilder("symgrad: training diverged at epoch ")
        .append(divergence.epoch()).append(": ").append(divergence.what());
    if (divergence.lastFiniteLoss() != null) {
      text.append(" (last finite loss ").append(divergence.lastFiniteLoss())
          .append(" at epoch ").append(divergence.epoch() - 1).append(')');
    } else {
      text.append(" at the starting parameters");
    }
    text.append(".\n  The parameters returned are those before epoch ")
        .append(divergence.epoch()).append('.');
    if (divergence.isGradient()) {
      // The step size did not cause it: the derivative itself is not finite there.
      return text.append("\n  The loss was finite, so the model's derivative is not finite at"
          + " these parameters (sqrt, log, pow or a division at 0?): run 'symgrad check' on the"
          + " model, or start from other values.").toString();
    }
    text.append('\n');
    if (!Double.isFinite(learningRate)) {
      // Only a scheduler gets here: an infinite --lr or --opt is refused before the first epoch.
      return text.append("  The scheduler made the learning rate ").append(learningRate)
          .append(": its factors (gamma, factor) multiplied it past the largest double. Use "
              + "a smaller factor, or no --scheduler.").toString();
    }
    if (inputNoise > 0) {
      // Noise far beyond the inputs' scale breaks any learning rate: name it first.
      text.append("  The inputs got Gaussian noise of standard deviation ").append(inputNoise)
          .append(" each epoch (--input-noise): try a smaller one, of about the inputs' "
              + "spread or less.\n  Or try");
    } else {
      text.append("  Try");
    }
    text.append(" a smaller learning rate (--lr ")
        .append(learningRate / 10).append(" instead of ").append(learningRate)
        .append("), or normalise the inputs to about unit scale (as 'let t_un = 0.1 * t_u'"
            + " does in samples/thermometer/thermometer.sg), or an adaptive optimizer "
            + "(--optimizer adam).");
    return text.toString();
  }
}
