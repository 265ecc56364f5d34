/**
 * Second derivatives from the same graph: models whose per-row outputs are the Jacobian of the
 * prediction or the Hessian of the row loss, compiled by the ordinary pipeline, so both
 * emitters give them bit for bit as they give the gradient; and the fused kernels of {@code lm}
 * and {@code newton} ({@link org.symgrad.compiler.second.SecondOrderSums}), whose entries are
 * row sums summed in the generated loop, handed to {@code lower} as a {@code RowSums}.
 */
@NullMarked
package org.symgrad.compiler.second;

import org.jspecify.annotations.NullMarked;
