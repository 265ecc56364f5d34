/**
 * Second derivatives from the same graph: models whose per-row outputs are the Jacobian of the
 * prediction or the Hessian of the row loss, compiled by the ordinary pipeline, so both
 * emitters give them bit for bit as they give the gradient.
 */
@NullMarked
package org.symgrad.compiler.second;

import org.jspecify.annotations.NullMarked;
