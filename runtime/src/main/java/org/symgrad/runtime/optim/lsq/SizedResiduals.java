package org.symgrad.runtime.optim.lsq;

/** What every {@link ResidualProblem} here knows from the start: its parameters and rows. */
abstract class SizedResiduals implements ResidualProblem {
  private final int size;
  private final int rows;

  SizedResiduals(int size, int rows) {
    this.size = size;
    this.rows = rows;
  }

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final int rows() {
    return rows;
  }
}
