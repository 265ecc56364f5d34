package org.symgrad.runtime.train;

/**
 * Which rows a {@link Trainer} holds out for validation, for callers that keep the rows
 * elsewhere (a fit whose rows are spread over a cluster) and must split them exactly as a
 * trainer over the same rows would.
 */
public final class Splits {
  private Splits() {}

  /**
   * The indices, ascending, of the rows that a fit of {@code rows} rows with this validation
   * fraction and seed holds out; every other row trains, in its own order. The fraction is
   * the one {@link TrainerOptions#validationFractionFor} gives.
   *
   * @throws IllegalArgumentException as {@link Trainer#fit} does for a fraction that leaves a
   *     part empty, or for no rows
   */
  public static int[] validationRows(int rows, double fraction, long seed) {
    if (rows <= 0) {
      throw new IllegalArgumentException("the data has no rows");
    }
    int held = Split.validationCount(fraction, rows);
    return held == 0 ? new int[0] : HeldRows.of(rows, held, seed).indices();
  }
}
