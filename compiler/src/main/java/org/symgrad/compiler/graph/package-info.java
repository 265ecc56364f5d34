/**
 * The symbolic graph, the first stage after parsing: immutable nodes interned by a {@link
 * org.symgrad.compiler.graph.Graph}, so that equal expressions are one node; {@link
 * org.symgrad.compiler.graph.Op} defines every primitive's value, and the {@link
 * org.symgrad.compiler.graph.Evaluator} and {@link org.symgrad.compiler.graph.ExpressionPrinter}
 * read graphs back.
 *
 * <p>May import: the runtime (its {@code Functions}, so values agree with generated code). No
 * other package of the compiler.
 */
@NullMarked
package org.symgrad.compiler.graph;

import org.jspecify.annotations.NullMarked;
