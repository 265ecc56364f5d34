package org.symgrad.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.symgrad.io.BadFileException;
import org.symgrad.io.Checkpoints;
import org.symgrad.io.Quote;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.LrScheduler;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.train.TrainingCheckpoint;

/**
 * The {@code --init} file of {@code fit}, {@code predict} and {@code eval}, read one way for
 * every optimizer and checked before any data is read: this model's parameters, every one
 * finite, and, for a checkpoint that resumes, state the optimizer and scheduler take.
 */
final class InitFile {
  private InitFile() {}

  /** The parameters (and the checkpoint, if the file is one) for {@code model}, all finite. */
  static Checkpoints.Loaded load(Path init, ModelInfo model) {
    return Checkpoints.loadStart(init, model);
  }

  /**
   * Restores {@code checkpoint} into a scratch optimizer and scheduler, so that state they do
   * not take (another optimizer's, a learning rate of NaN) is refused now, naming the file.
   */
  static void checkResumes(Path init, TrainingCheckpoint checkpoint, Optimizer scratch,
      @Nullable LrScheduler scheduler) {
    try {
      checkpoint.restoreInto(scratch, scheduler);
    } catch (IllegalArgumentException e) {
      throw new BadFileException(Quote.path(init) + ": error: cannot resume from this "
          + "checkpoint: " + e.getMessage());
    }
  }
}
