package org.symgrad.runtime.train;

import org.jspecify.annotations.Nullable;

/**
 * The losses of each epoch a fit ran, kept for plotting.
 *
 * <p>Entry {@code i} belongs to epoch {@link #firstEpoch()} {@code + i}. Its training loss is
 * the one the epoch's update was computed from, so it was evaluated before that update (the
 * mean over the mini-batches, in mini-batch mode); its validation loss was evaluated after the
 * update. A resumed fit's history holds the epochs of that fit only.
 *
 * <p>Immutable: the arrays are copied in and out.
 */
public final class History {
  private final int firstEpoch;
  private final double[] trainLosses;
  private final double @Nullable [] valLosses; // null without a validation set

  /**
   * @param valLosses one per epoch, or null when there is no validation set
   */
  public History(int firstEpoch, double[] trainLosses, double @Nullable [] valLosses) {
    this(firstEpoch, trainLosses.clone(), valLosses == null ? null : valLosses.clone(), true);
  }

  // Keeps the arrays; `owned` only tells this constructor from the public one.
  private History(int firstEpoch, double[] trainLosses, double @Nullable [] valLosses,
      boolean owned) {
    if (valLosses != null && valLosses.length != trainLosses.length) {
      throw new IllegalArgumentException(
          trainLosses.length + " training losses but " + valLosses.length + " validation losses");
    }
    this.firstEpoch = firstEpoch;
    this.trainLosses = trainLosses;
    this.valLosses = valLosses;
  }

  /**
   * A history that keeps the arrays it is given, which the caller must never touch again: a
   * fit's history is its largest allocation, so it is not copied on the way out.
   */
  static History adopt(int firstEpoch, double[] trainLosses, double @Nullable [] valLosses) {
    return new History(firstEpoch, trainLosses, valLosses, true);
  }

  /** The number of the first epoch recorded (1, or one past a resumed checkpoint's epoch). */
  public int firstEpoch() {
    return firstEpoch;
  }

  /** The number of epochs recorded. */
  public int size() {
    return trainLosses.length;
  }

  /** Whether validation losses were recorded. */
  public boolean hasValidation() {
    return valLosses != null;
  }

  /** The training loss of each epoch, in order (a copy). */
  public double[] trainLosses() {
    return trainLosses.clone();
  }

  /** The validation loss of each epoch, in order (a copy); empty without a validation set. */
  public double[] valLosses() {
    return valLosses == null ? new double[0] : valLosses.clone();
  }

  /** The training loss of epoch {@code epoch} (its number, not its index). */
  public double trainLoss(int epoch) {
    return trainLosses[index(epoch)];
  }

  /** The validation loss of epoch {@code epoch} (its number, not its index). */
  public double valLoss(int epoch) {
    if (valLosses == null) {
      throw new IllegalStateException("this fit had no validation set");
    }
    return valLosses[index(epoch)];
  }

  private int index(int epoch) {
    int index = epoch - firstEpoch;
    if (index < 0 || index >= trainLosses.length) {
      throw new IndexOutOfBoundsException(
          "epoch " + epoch + " is not in this history of epochs " + firstEpoch + ".."
              + (firstEpoch + trainLosses.length - 1));
    }
    return index;
  }

  /** A summary: the epochs and the last losses, not every value. */
  @Override
  public String toString() {
    if (size() == 0) {
      return "History[no epochs]";
    }
    int last = firstEpoch + size() - 1;
    return "History[epochs " + firstEpoch + ".." + last + ", last training loss "
        + trainLoss(last) + (valLosses == null ? "" : ", last validation loss " + valLoss(last))
        + "]";
  }
}
