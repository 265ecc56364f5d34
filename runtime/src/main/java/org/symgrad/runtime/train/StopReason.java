package org.symgrad.runtime.train;

import java.util.Locale;

/** Why a fit ended. */
public enum StopReason {
  /** Every requested epoch ran. */
  COMPLETED,
  /** The validation loss stopped improving; the best parameters were restored. */
  EARLY_STOPPING,
  /** An epoch's training loss was NaN or infinite; that epoch's update was not applied. */
  DIVERGED;

  /** The spelling of {@code symgrad fit --json}: {@code "completed"}, {@code "diverged"}… */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
