/**
 * Simplification rules, one named and commented line each ({@link
 * org.symgrad.compiler.simplify.Rules}), applied to a fixed point; and {@link
 * org.symgrad.compiler.simplify.ModelGradient}, the stage that differentiates a checked model
 * and simplifies everything lowering will read.
 *
 * <p>May import: {@code graph}, {@code diff}, {@code model} (the checked model types) and the
 * runtime's descriptions. Nothing after it (lower, emit).
 */
@NullMarked
package org.symgrad.compiler.simplify;

import org.jspecify.annotations.NullMarked;
