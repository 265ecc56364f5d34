package org.symgrad.runtime.train;

import java.util.Arrays;
import java.util.Random;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;

/**
 * The training and validation rows of one fit, chosen once and materialised once.
 *
 * <p>As in the book ({@code shuffled_indices = torch.randperm(n_samples)}), the first {@code
 * n_val = floor(fraction * n)} entries of a seeded random permutation of the rows are the
 * validation rows and the rest the training rows. The permutation is a Fisher–Yates shuffle
 * drawn from {@code new Random(Seeds.derive(seed, Seeds.SPLIT, 0))}. Each part then keeps the
 * data's own row order: which rows are held out is random, but a loss always sums its rows in
 * file order, so training on the same rows gives the same bits however they were chosen.
 *
 * @param train the training rows, with the target
 * @param validation the validation rows with the target, or null when there are none
 * @param rows the data's row count
 * @param trainRows the training rows' indices into the data, ascending
 * @param validationRows the validation rows' indices into the data, ascending
 */
record Split(Batch train, Batch validation, int rows, int[] trainRows, int[] validationRows) {

  /** Splits {@code data} for {@code model}; messages say what is wrong with the request. */
  static Split of(Dataset data, ModelInfo model, double fraction, long seed) {
    int rows = data.rows();
    if (rows == 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    int held = validationCount(fraction, rows);
    int[] permutation = permutation(rows, seed);
    int[] validation = sorted(Arrays.copyOfRange(permutation, 0, held));
    int[] train = sorted(Arrays.copyOfRange(permutation, held, rows));
    Batch trainBatch = data.select(train).batchFor(model, true);
    Batch validationBatch = held == 0 ? null : data.select(validation).batchFor(model, true);
    return new Split(trainBatch, validationBatch, rows, train, validation);
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

  /** A seeded random permutation of 0..n-1, as {@code torch.randperm(n)} (not its values). */
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

  private static String rows(int rows) {
    return rows == 1 ? "1 row" : rows + " rows";
  }

  private static int[] sorted(int[] indices) {
    Arrays.sort(indices);
    return indices;
  }
}
