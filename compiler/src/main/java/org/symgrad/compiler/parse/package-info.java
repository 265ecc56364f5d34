/**
 * The model language: {@code .sg} files ({@link org.symgrad.compiler.parse.ModelParser}) and
 * free-standing expressions ({@link org.symgrad.compiler.parse.Expressions}), parsed and
 * checked into a {@link org.symgrad.compiler.model.ModelDefinition}: names, shapes, index
 * sums expanded element by element, the loss; every error a {@link
 * org.symgrad.compiler.diagnostic.Diagnostic} with a code, a place and a caret.
 *
 * <p>Owns the grammar and the one graph writer, {@link org.symgrad.compiler.parse.NodeWriter},
 * through which the builder writes its expressions too; the rules of declarations it shares
 * with the builder live in {@code model}. May import {@code graph}, {@code model} and {@code
 * diagnostic}; nothing after it in the pipeline.
 */
@NullMarked
package org.symgrad.compiler.parse;

import org.jspecify.annotations.NullMarked;
