/**
 * Lowering: schedules a differentiated, simplified model ({@code simplify.ModelGradient}) into
 * the kernel IR that both emitters print, a {@link org.symgrad.compiler.lower.Program} of
 * {@link org.symgrad.compiler.lower.Kernel}s of straight-line {@link
 * org.symgrad.compiler.lower.Instr}uctions. It decides everything about the code: loops ({@code
 * Reroller}), methods ({@code Splitter}), row blocks ({@code Interchanger}), vector row loops
 * ({@link org.symgrad.compiler.lower.Vectorisable}), sums; it runs no differentiation or
 * simplification of its own beyond the epilogue it writes, through the stage's simplifier.
 * Every pass and printer dispatches on instructions exhaustively: through an {@link
 * org.symgrad.compiler.lower.InstrFunction} (printers implement {@link
 * org.symgrad.compiler.lower.InstrVisitor}) or a {@code switch} expression over {@link
 * org.symgrad.compiler.lower.InstrType}, never an {@code instanceof} chain.
 *
 * <p>May import: {@code graph}, {@code simplify} (its result type), {@code model} and the
 * runtime's descriptions. Never {@code emit} or the front door.
 */
@NullMarked
package org.symgrad.compiler.lower;

import org.jspecify.annotations.NullMarked;
