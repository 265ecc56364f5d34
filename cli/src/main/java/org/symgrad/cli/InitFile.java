package org.symgrad.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.symgrad.io.BadFileException;
import org.symgrad.io.Quote;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.LrScheduler;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.train.TrainingCheckpoint;

/**
 * The {@code --init} file of {@code fit}, checked before any data is read: for a checkpoint that
 * resumes, state the optimizer and scheduler take. Every command reads the file itself, one way
 * for every optimizer, with {@link org.symgrad.io.Checkpoints#loadStart}: this model's
 * parameters, every one finite.
 */
final class InitFile {
  private InitFile() {}

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
