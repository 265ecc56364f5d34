/**
 * Models built in Java or Kotlin instead of parsed from text: {@link
 * org.symgrad.compiler.api.Expr} for expressions, whose methods carry Kotlin's operator names,
 * {@link org.symgrad.compiler.api.ModelBuilder} for the declarations of a model file, and
 * {@link org.symgrad.compiler.api.Loss} for its loss line.
 *
 * <p>A builder writes the same nodes, in the same order, as the parser does for the same
 * model written as text, so both give the same {@link
 * org.symgrad.compiler.model.ModelDefinition}, the same kernel IR and the same bits.
 *
 * <p>On top of the pipeline: may import {@code parse}, {@code model}, {@code graph}, {@code
 * diagnostic} and the front door, {@link org.symgrad.compiler.Symgrad}; never {@code diff},
 * {@code simplify}, {@code lower} or {@code emit}.
 */
@NullMarked
package org.symgrad.compiler.api;

import org.jspecify.annotations.NullMarked;
