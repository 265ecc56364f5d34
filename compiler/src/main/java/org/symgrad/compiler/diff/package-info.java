/**
 * Reverse-mode differentiation over the graph: one derivative rule per op, in one file ({@code
 * Derivatives}), applied by one backward sweep ({@link org.symgrad.compiler.diff.ReverseDiff}).
 * Its results are not simplified.
 *
 * <p>May import: {@code graph}. Nothing after it in the pipeline (simplify, lower, emit).
 */
@NullMarked
package org.symgrad.compiler.diff;

import org.jspecify.annotations.NullMarked;
