package org.symgrad.runtime.optim.lsq;

import java.util.List;

/**
 * The derivative that was not finite where a second-order fit stopped on {@link
 * Convergence#NOT_FINITE_DERIVATIVES}: the first gradient entry that was not, or else the first
 * entry of the matrix's upper triangle ({@code JᵀJ} or the Hessian), by rows.
 *
 * @param row the parameter of the gradient entry, or the matrix entry's row
 * @param column the matrix entry's column, at least {@code row}; -1 for a gradient entry
 * @param value the entry: NaN or ±infinity
 */
public record NonFiniteDerivative(int row, int column, double value) {

  /** A gradient entry. */
  public static NonFiniteDerivative gradient(int parameter, double value) {
    return new NonFiniteDerivative(parameter, -1, value);
  }

  /** Whether the entry is the gradient's, not the matrix's. */
  public boolean inGradient() {
    return column < 0;
  }

  /**
   * {@code the gradient of b2 is NaN}, or {@code the Hessian's entry for a and b is Infinity}.
   *
   * @param names the parameters' names, in order
   * @param matrix what the matrix is called: {@code "JᵀJ"}, {@code "the Hessian"}
   */
  public String what(List<String> names, String matrix) {
    if (inGradient()) {
      return "the gradient of " + names.get(row) + " is " + value;
    }
    return matrix + "'s entry for " + names.get(row)
        + (column == row ? "" : " and " + names.get(column)) + " is " + value;
  }
}
