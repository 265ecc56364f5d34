/**
 * Second-order least-squares and Newton fits: Levenberg–Marquardt as MINPACK's {@code lmder}
 * on compiled exact Jacobians, trust-region Newton on compiled exact Hessians, and the
 * statistics of a least-squares fit. No dependencies, like the rest of the runtime.
 */
@NullMarked
package org.symgrad.runtime.optim.lsq;

import org.jspecify.annotations.NullMarked;
