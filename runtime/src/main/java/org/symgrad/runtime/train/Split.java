package org.symgrad.runtime.train;

import java.util.Random;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.parallel.ParallelTasks;

/**
 * The training and validation rows of one fit, chosen once and materialised once.
 *
 * <p>As in the book ({@code shuffled_indices = torch.randperm(n_samples)}), the first {@code
 * n_val = floor(fraction * n)} entries of a seeded random permutation of the rows are the
 * validation rows and the rest the training rows. The permutation is a Fisher–Yates shuffle
 * drawn from {@code new Random(Seeds.derive(seed, Seeds.SPLIT, 0))} ({@link #permutation}).
 * Each part then keeps the data's own row order: which rows are held out is random, but a loss
 * always sums its rows in file order, so training on the same rows gives the same bits however
 * they were chosen.
 *
 * <p>A fit of 10⁶ rows must not spend more on this than on an epoch or two, so the rows are
 * found without the whole permutation ({@link HeldRows}) and dealt to the two parts in one
 * pass over each column the model reads, on the fit's threads; without validation the training
 * batch is the data's own columns, not a copy.
 *
 * @param train the training rows, with the target
 * @param validation the validation rows with the target, or null when there are none
 * @param rows the data's row count
 * @param validationRows the validation rows' indices into the data, ascending
 */
record Split(Batch train, Batch validation, int rows, int[] validationRows) {

  /** Splits {@code data} for {@code model}; messages say what is wrong with the request. */
  static Split of(Dataset data, ModelInfo model, double fraction, long seed) {
    return of(data, model, fraction, seed, 1);
  }

  /**
   * {@link #of(Dataset, ModelInfo, double, long)} on up to {@code threads} threads (the fit's),
   * with the same result. While the caller draws the held-out rows, the other threads allocate
   * the parts' arrays, which Java zeroes and which, on a heap that has not used those pages
   * yet, fault on first touch, about as long as the draws; then each column is dealt on its own
   * thread.
   */
  static Split of(Dataset data, ModelInfo model, double fraction, long seed, int threads) {
    int rows = data.rows();
    if (rows == 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    int held = validationCount(fraction, rows);
    Batch all = data.batchFor(model, true); // the data's arrays: read, never written
    if (held == 0) {
      return new Split(all, null, rows, new int[0]);
    }
    int width = all.width();
    double[][] train = new double[width][];
    double[][] validation = new double[width][];
    int[] heldRows = new int[held];
    HeldRows[] chosen = new HeldRows[1];
    ParallelTasks.run(threads, width + 1, task -> {
      if (task == 0) {
        chosen[0] = HeldRows.of(rows, held, seed);
      } else {
        train[task - 1] = new double[rows - held];
        validation[task - 1] = new double[held];
      }
    });
    ParallelTasks.run(threads, width, c -> {
      if (c == 0) {
        chosen[0].deal(all.column(c), train[c], validation[c], heldRows);
      } else {
        chosen[0].deal(all.column(c), train[c], validation[c]);
      }
    });
    return new Split(Batch.of(train, rows - held), Batch.of(validation, held), rows, heldRows);
  }

  /** {@code floor(fraction * rows)}, refused when it leaves a part the caller wanted empty. */
  static int validationCount(double fraction, int rows) {
    int held = (int) Math.floor(fraction * rows);
    if (held >= rows) {
      throw new IllegalArgumentException(
          "validation fraction " + fraction + " of " + rows(rows) + " leaves no training row");
    }
    if (fraction > 0 && held == 0) {
      // Silently training without validation would be a different run from the one asked for.
      throw new IllegalArgumentException(
          "validation fraction " + fraction + " of " + rows(rows) + " selects no validation row;"
              + " use 0 for none, or a larger fraction");
    }
    return held;
  }

  /**
   * The seeded random permutation of 0..n-1 whose first entries are the validation rows, as
   * {@code torch.randperm(n)} (not its values): the definition {@link HeldRows} follows.
   */
  static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, n, new Random(Seeds.derive(seed, Seeds.SPLIT, 0)));
    return order;
  }

  /** Fisher–Yates on the first {@code n} entries, from the last one down. */
  static void shuffle(int[] order, int n, Random random) {
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** Whether there is a validation set. */
  boolean hasValidation() {
    return validation != null;
  }

  /** The training rows' indices into the data, ascending: every row not held out. */
  int[] trainRows() {
    int[] train = new int[rows - validationRows.length];
    int t = 0;
    int v = 0;
    for (int r = 0; r < rows; r++) {
      if (v < validationRows.length && validationRows[v] == r) {
        v++;
      } else {
        train[t++] = r;
      }
    }
    return train;
  }

  private static String rows(int rows) {
    return rows == 1 ? "1 row" : rows + " rows";
  }
}
