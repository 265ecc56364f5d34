package org.symgrad.runtime.train;

import java.util.Locale;

/** Why a fit ended. */
public enum StopReason {
  /** Every requested epoch ran. */
  COMPLETED,
  /** The validation loss stopped improving; the best parameters were restored. */
  EARLY_STOPPING,
  /** The training loss changed by less than the tolerance (see TrainerOptions#tolerance). */
  CONVERGED,
  /** An epoch's training loss or gradient was NaN or infinite; its update was not applied. */
  DIVERGED,
  /** The fit ran for its time limit (see TrainerOptions#timeLimit). */
  TIME_LIMIT,
  /** The fit's thread was interrupted; the interrupt is left set for the caller to see. */
  INTERRUPTED;

  /** The spelling of {@code symgrad fit --json}: {@code "completed"}, {@code "diverged"}… */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
