package org.symgrad.runtime.optim;

/**
 * L-BFGS's memory: the last {@code history_size} curvature pairs {@code (y, s)} with {@code ro
 * = 1 / y·s}, oldest first, as torch's {@code old_dirs}, {@code old_stps} and {@code ro} lists.
 * A ring of arrays, allocated while it first fills and reused after, so a full history costs
 * nothing per step; the arrays of the pair about to be pushed are handed out beforehand
 * ({@link #freeY}, {@link #freeS}) so that a rejected pair costs nothing either.
 *
 * <p>The ring's tables grow as pairs come, doubling up to {@code history_size}, as torch's
 * lists do: a {@code history_size} of 2,147,483,647 costs what the pairs remembered cost, not
 * gigabytes of empty slots up front.
 */
final class History {
  private final int size;
  private final int capacity;
  private double[][] ys;
  private double[][] ss;
  private double[] ro;
  private double[] al;
  private int start;
  private int count;
  private double[] freeY;
  private double[] freeS;

  History(int size, int capacity) {
    this.size = size;
    this.capacity = capacity;
    int initial = Math.min(capacity, 8);
    this.ys = new double[initial][];
    this.ss = new double[initial][];
    this.ro = new double[initial];
    this.al = new double[initial];
    this.freeY = new double[size];
    this.freeS = new double[size];
  }

  int count() {
    return count;
  }

  /** The k-th remembered gradient change, oldest first. */
  double[] y(int k) {
    return ys[slot(k)];
  }

  /** The k-th remembered step, oldest first. */
  double[] s(int k) {
    return ss[slot(k)];
  }

  double ro(int k) {
    return ro[slot(k)];
  }

  /** Scratch for the two-loop recursion (torch keeps it in the state as {@code al}). */
  double[] al() {
    return al;
  }

  /** Where to compute the next y; {@link #push} keeps it, otherwise it is reused. */
  double[] freeY() {
    return freeY;
  }

  /** Where to compute the next s. */
  double[] freeS() {
    return freeS;
  }

  /** Remembers {@link #freeY} and {@link #freeS}, dropping the oldest pair when full. */
  void push(double roValue) {
    if (count == ys.length && count < capacity) {
      grow();
    }
    if (count == capacity) {
      start = (start + 1) % capacity;
      count--;
    }
    int slot = slot(count);
    double[] evictedY = ys[slot];
    double[] evictedS = ss[slot];
    ys[slot] = freeY;
    ss[slot] = freeS;
    ro[slot] = roValue;
    count++;
    freeY = evictedY != null ? evictedY : new double[size];
    freeS = evictedS != null ? evictedS : new double[size];
  }

  void clear() {
    start = 0;
    count = 0;
  }

  void saveTo(Snapshots snapshot) {
    snapshot.scalar("history", count);
    for (int k = 0; k < count; k++) {
      snapshot.array("old_dirs." + k, y(k)).array("old_stps." + k, s(k)).scalar("ro." + k, ro(k));
    }
  }

  void restoreFrom(OptimizerState state) {
    clear();
    int saved = (int) state.scalar("history");
    if (saved > capacity) {
      throw new IllegalArgumentException(
          "LBFGS state remembers " + saved + " steps, this LBFGS has history_size " + capacity);
    }
    for (int k = 0; k < saved; k++) {
      Snapshots.read(state, "old_dirs." + k, freeY);
      Snapshots.read(state, "old_stps." + k, freeS);
      push(state.scalar("ro." + k));
    }
  }

  /** Slots the tables hold now: at most {@code capacity}. */
  int allocated() {
    return ys.length;
  }

  // Only while the ring has not wrapped: start is 0, so slots keep their places.
  private void grow() {
    int length = (int) Math.min(capacity, 2L * ys.length);
    ys = java.util.Arrays.copyOf(ys, length);
    ss = java.util.Arrays.copyOf(ss, length);
    ro = java.util.Arrays.copyOf(ro, length);
    al = java.util.Arrays.copyOf(al, length);
  }

  private int slot(int k) {
    return (start + k) % ys.length;
  }
}
