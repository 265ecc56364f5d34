/**
 * Errors with a stable code and a place: {@link org.symgrad.compiler.diagnostic.ErrorCode},
 * {@link org.symgrad.compiler.diagnostic.Diagnostic} and {@link
 * org.symgrad.compiler.diagnostic.SymgradException}.
 *
 * <p>Owns the error catalogue. Imports nothing of the compiler, so that every stage, from
 * {@code parse} to {@code emit} and the processor, may report errors without importing the
 * front door.
 */
@NullMarked
package org.symgrad.compiler.diagnostic;

import org.jspecify.annotations.NullMarked;
