package org.symgrad.runtime.train;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The losses of the epochs a fit ran, kept for plotting: every epoch, or every {@link
 * #stride()}-th one of a fit longer than {@link #CAPACITY} epochs, so that a fit's history is
 * bounded however many epochs it runs.
 *
 * <p>Entry {@code i} belongs to epoch {@link #epoch(int) epoch(i)} {@code = firstEpoch() + i *
 * stride()}. Its training loss is
 * the one the epoch's update was computed from, so it was evaluated before that update (the
 * mean over the mini-batches, in mini-batch mode); its validation loss was evaluated after the
 * update. A resumed fit's history holds the epochs of that fit only.
 *
 * <p>Immutable: the arrays are copied in and out.
 */
public final class History {
  /**
   * The most entries a fit keeps: a fit of up to this many epochs keeps them all (the default
   * 5000 included); a longer one keeps every second, fourth… epoch, at most this many.
   */
  public static final int CAPACITY = 8192;

  private final int firstEpoch;
  private final int stride;
  private final int size; // entries used: the arrays may be longer
  private final double[] trainLosses;
  private final double @Nullable [] valLosses; // null without a validation set

  /**
   * @param valLosses one per epoch, or null when there is no validation set
   */
  public History(int firstEpoch, double[] trainLosses, double @Nullable [] valLosses) {
    this(firstEpoch, 1, trainLosses.clone(), valLosses == null ? null : valLosses.clone(),
        trainLosses.length);
  }

  // Keeps the arrays, of which the first `size` entries are used.
  private History(int firstEpoch, int stride, double[] trainLosses,
      double @Nullable [] valLosses, int size) {
    if (valLosses != null && valLosses.length != trainLosses.length) {
      throw new IllegalArgumentException(
          trainLosses.length + " training losses but " + valLosses.length + " validation losses");
    }
    this.firstEpoch = firstEpoch;
    this.stride = stride;
    this.size = size;
    this.trainLosses = trainLosses;
    this.valLosses = valLosses;
  }

  /**
   * A history that keeps the arrays it is given, which the caller must never touch again: a
   * fit's history is its largest allocation, so it is not copied on the way out.
   */
  static History adopt(int firstEpoch, int stride, double[] trainLosses,
      double @Nullable [] valLosses, int size) {
    return new History(firstEpoch, stride, trainLosses, valLosses, size);
  }

  /** The number of the first epoch recorded (1, or one past a resumed checkpoint's epoch). */
  public int firstEpoch() {
    return firstEpoch;
  }

  /** Epochs from one entry to the next: 1 unless the fit ran more than {@link #CAPACITY}. */
  public int stride() {
    return stride;
  }

  /** The number of the epoch of entry {@code index}. */
  public int epoch(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("entry " + index + " of " + size);
    }
    return firstEpoch + index * stride;
  }

  /** The number of entries recorded: the number of epochs when {@link #stride()} is 1. */
  public int size() {
    return size;
  }

  /** Whether validation losses were recorded. */
  public boolean hasValidation() {
    return valLosses != null;
  }

  /** The training loss of each entry, in order (a copy). */
  public double[] trainLosses() {
    return Arrays.copyOf(trainLosses, size);
  }

  /** The validation loss of each epoch, in order (a copy); empty without a validation set. */
  public double[] valLosses() {
    return valLosses == null ? new double[0] : Arrays.copyOf(valLosses, size);
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
    long offset = (long) epoch - firstEpoch;
    if (offset < 0 || offset / stride >= size) {
      throw new IndexOutOfBoundsException(
          "epoch " + epoch + " is not in this history of epochs " + firstEpoch + ".."
              + lastEpoch());
    }
    if (offset % stride != 0) {
      throw new IllegalArgumentException("epoch " + epoch + " was not kept: this history keeps"
          + " every " + stride + "th epoch from " + firstEpoch);
    }
    return (int) (offset / stride);
  }

  private int lastEpoch() {
    return firstEpoch + (size - 1) * stride;
  }

  /** A summary: the epochs and the last losses, not every value. */
  @Override
  public String toString() {
    if (size() == 0) {
      return "History[no epochs]";
    }
    int last = lastEpoch();
    return "History[epochs " + firstEpoch + ".." + last
        + (stride == 1 ? "" : " every " + stride) + ", last training loss "
        + trainLoss(last) + (valLosses == null ? "" : ", last validation loss " + valLoss(last))
        + "]";
  }
}
