/**
 * Lowering: schedules a differentiated, simplified model ({@code simplify.ModelGradient}) into
 * the kernel IR that both emitters print, a {@link org.symgrad.compiler.lower.Program} of
 * {@link org.symgrad.compiler.lower.Kernel}s of straight-line {@link
 * org.symgrad.compiler.lower.Instr}uctions. It decides everything about the code: loops ({@code
 * Reroller}), methods ({@code Splitter}), row blocks ({@code Interchanger}), sums; it runs no
 * differentiation or simplification of its own beyond the epilogue it writes, through the
 * stage's simplifier. Printers of the IR implement {@link
 * org.symgrad.compiler.lower.InstrVisitor}.
 *
 * <p>May import: {@code graph}, {@code simplify} (its result type), {@code model} and the
 * runtime's descriptions. Never {@code emit} or the front door.
 */
@NullMarked
package org.symgrad.compiler.lower;

import org.jspecify.annotations.NullMarked;
